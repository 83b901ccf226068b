package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/** Export, import, reset and the admin merge cover identity state. */
class IdentityStateTest extends IdentitySdkTestSupport {

  ProtocolResponse admin(String method, String path, String body) {
    return server
        .service()
        .admin()
        .handle(
            method,
            "/cognito-sync" + path,
            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "Export then import into another mock: pools, identities, logins, live keys and the signing key carry over")
  void exportImport() throws Exception {
    start();
    String pool = createPool();
    String id = facebookIdentity(pool, "fb");
    var token =
        identity.getOpenIdToken(r -> r.identityId(id).logins(Map.of("graph.facebook.com", "fb")));
    var creds =
        identity
            .getCredentialsForIdentity(
                r -> r.identityId(id).logins(Map.of("graph.facebook.com", "fb")))
            .credentials();
    ProtocolResponse exported = admin("GET", "/identity/state", null);
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.bodyText())
        .contains("\"IdentityPoolName\":\"app pool\"")
        .contains(creds.accessKeyId());
    server.stop();

    start();
    assertThat(admin("PUT", "/identity/state", exported.bodyText()).status()).isEqualTo(200);
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolName())
        .isEqualTo("app pool");
    assertThat(facebookIdentity(pool, "fb")).isEqualTo(id);
    // the imported signing key still verifies the earlier token
    assertThat(server.service().identity().engine().expiredOwnToken(token.token())).isTrue();
    // the imported key signs Sync calls as the identity
    var sync = syncClient(creds);
    sync.listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("d"));
  }

  @Test
  @DisplayName(
      "One state: GET /state holds Sync's data and, under cognitoIdentity, the identities; PUT restores both")
  void wholeStateRoundTrip() throws Exception {
    start();
    String pool = createPool();
    String id = facebookIdentity(pool, "fb");
    writeRecord(pool, id, "d", "k", "v");
    ProtocolResponse exported = admin("GET", "/state", null);
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.bodyText()).contains("\"identityPools\"").contains("\"cognitoIdentity\"");
    server.stop();

    start();
    assertThat(admin("PUT", "/state", exported.bodyText()).status()).isEqualTo(200);
    assertThat(facebookIdentity(pool, "fb")).isEqualTo(id);
    assertThat(
            developerSyncClient()
                .listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("d"))
                .records())
        .singleElement()
        .satisfies(rec -> assertThat(rec.value()).isEqualTo("v"));

    // the same document as a seed file
    Path seed = Files.createTempFile("whole-state", ".json");
    Files.writeString(seed, exported.bodyText());
    server.stop();
    start(b -> b.seedFile(seed));
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolName())
        .isEqualTo("app pool");
    assertThat(admin("GET", "/state", null).bodyText()).isEqualTo(exported.bodyText());
  }

  @Test
  @DisplayName(
      "One state: a whole-state document refused for its identity part changes neither service")
  void wholeStateRefusedAtomically() {
    start();
    String pool = createPool();
    String before = admin("GET", "/state", null).bodyText();
    ProtocolResponse refused =
        admin("PUT", "/state", "{\"identityPools\":[],\"cognitoIdentity\":{\"Typo\":1}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.bodyText()).contains("Typo").contains("cognitoIdentity");
    assertThat(admin("GET", "/state", null).bodyText()).isEqualTo(before);
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolId())
        .isEqualTo(pool);
  }

  @Test
  @DisplayName("State documents are strict: an unknown member is refused and nothing changes")
  void strictDocument() {
    start();
    String pool = createPool();
    ProtocolResponse refused = admin("PUT", "/identity/state", "{\"Pools\":[],\"Typo\":1}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.bodyText()).contains("Typo");
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolId())
        .isEqualTo(pool);
  }

  @Test
  @DisplayName("Reset forgets identity state as well as Sync's")
  void reset() {
    start();
    String pool = createPool();
    assertThat(admin("POST", "/reset", null).status()).isEqualTo(200);
    assertError(
        () -> identity.describeIdentityPool(r -> r.identityPoolId(pool)),
        ResourceNotFoundException.class,
        "not found");
  }

  @Test
  @DisplayName(
      "H30 E3: the admin merge route merges identities Cognito Identity knows as a login merge does")
  void adminMerge() {
    start();
    String pool = createPool();
    String a =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fa")))
            .identityId();
    String b = identity.getId(r -> r.identityPoolId(pool)).identityId();
    writeRecord(pool, b, "D", "k", "v");
    ProtocolResponse merged =
        admin(
            "POST",
            "/merges",
            "{\"IdentityPoolId\":\""
                + pool
                + "\",\"SurvivorIdentityId\":\""
                + a
                + "\",\"AbsorbedIdentityId\":\""
                + b
                + "\"}");
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.bodyText()).contains("D." + b);
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(b)),
        NotAuthorizedException.class,
        "forbidden");
    assertThat(
            developerSyncClient()
                .listRecords(r -> r.identityPoolId(pool).identityId(a).datasetName("D." + b))
                .records())
        .hasSize(1);
  }

  @Test
  @DisplayName("A seed given to the builder is the starting identity state, also for Sync's pools")
  void seedThroughTheBuilder() {
    start();
    String pool = createPool();
    String id = facebookIdentity(pool, "fb");
    var doc = server.service().identity().engine().exportState();
    server.stop();
    start(
        b ->
            b.identitySeed(doc)
                .settings(
                    dev.cognitosyncmock.engine.EngineSettings.DEFAULT.with(
                        s -> s.strictPools = true)));
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolId())
        .isEqualTo(pool);
    assertThat(facebookIdentity(pool, "fb")).isEqualTo(id);
    assertThat(
            developerSyncClient()
                .describeIdentityPoolUsage(r -> r.identityPoolId(pool))
                .identityPoolUsage()
                .identityPoolId())
        .isEqualTo(pool);
  }
}
