package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/** The inferred rules a user may want the other way are settings. */
class IdentitySettingsTest extends IdentitySdkTestSupport {

  static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes())
        + "."
        + b64.encodeToString(payload.getBytes())
        + ".x";
  }

  @Test
  @DisplayName(
      "H20: an identity is authenticated exactly while a login is linked; unlinking the last leaves it unusable (H31)")
  void H20_identityState() {
    start();
    String pool = createPool();
    String id = identity.getId(r -> r.identityPoolId(pool)).identityId();
    assertThat(identity.getCredentialsForIdentity(r -> r.identityId(id)).identityId())
        .isEqualTo(id); // guest
    identity.getCredentialsForIdentity(
        r -> r.identityId(id).logins(Map.of("graph.facebook.com", "fb")));
    // authenticated now: a guest call without logins is forbidden
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(id)),
        NotAuthorizedException.class,
        "forbidden");
    identity.unlinkIdentity(
        r ->
            r.identityId(id)
                .logins(Map.of("graph.facebook.com", "fb"))
                .loginsToRemove("graph.facebook.com"));
    assertThat(identity.describeIdentity(r -> r.identityId(id)).hasLogins()).isFalse();
  }

  @Test
  @DisplayName(
      "H23 (setting): strict login tokens refuse an expired JWT and a user-pool issuer mismatch; off by default")
  void H23_strictLoginTokens() {
    String expired =
        jwt(
            "{\"iss\":\"https://accounts.google.com\",\"sub\":\"u\",\"exp\":"
                + (Instant.now().getEpochSecond() - 3600)
                + "}");
    String userPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc";
    String wrongIssuer = jwt("{\"iss\":\"https://elsewhere\",\"sub\":\"u\",\"aud\":\"client\"}");
    start();
    String lenient =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("p")
                        .allowUnauthenticatedIdentities(true)
                        .supportedLoginProviders(Map.of("accounts.google.com", "g")))
            .identityPoolId();
    assertThat(
            identity
                .getId(
                    r -> r.identityPoolId(lenient).logins(Map.of("accounts.google.com", expired)))
                .identityId())
        .isNotBlank();
    server.stop();

    start(b -> b.identitySettings(IdentitySettings.DEFAULT.withStrictLoginTokens(true)));
    String strict =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("p")
                        .allowUnauthenticatedIdentities(true)
                        .supportedLoginProviders(Map.of("accounts.google.com", "g"))
                        .cognitoIdentityProviders(p -> p.providerName(userPool).clientId("client")))
            .identityPoolId();
    assertError(
        () ->
            identity.getId(
                r -> r.identityPoolId(strict).logins(Map.of("accounts.google.com", expired))),
        NotAuthorizedException.class,
        "Invalid login token. Token expired: ");
    assertError(
        () -> identity.getId(r -> r.identityPoolId(strict).logins(Map.of(userPool, wrongIssuer))),
        NotAuthorizedException.class,
        "Invalid login token. Issuer doesn't match providerName");
    String rightIssuer = jwt("{\"iss\":\"https://" + userPool + "\",\"sub\":\"u\"}");
    assertThat(
            identity
                .getId(r -> r.identityPoolId(strict).logins(Map.of(userPool, rightIssuer)))
                .identityId())
        .isNotBlank();
  }

  @Test
  @DisplayName("H7 (setting): pool and identity ids carry the configured region")
  void H7_region() {
    start(b -> b.identitySettings(IdentitySettings.DEFAULT.withRegion("eu-west-1")));
    String pool =
        identity
            .createIdentityPool(r -> r.identityPoolName("p").allowUnauthenticatedIdentities(true))
            .identityPoolId();
    assertThat(pool).startsWith("eu-west-1:");
    assertThat(identity.getId(r -> r.identityPoolId(pool)).identityId()).startsWith("eu-west-1:");
  }

  @Test
  @DisplayName(
      "H15 H32 (setting): with Sync data kept, DeleteIdentities leaves the identity's datasets")
  void H32_keepSyncData() {
    start(b -> b.identitySettings(IdentitySettings.DEFAULT.withDeleteSyncData(false)));
    String pool = createPool();
    String id = identity.getId(r -> r.identityPoolId(pool)).identityId();
    writeRecord(pool, id, "d", "k", "v");
    identity.deleteIdentities(r -> r.identityIdsToDelete(id));
    assertThat(
            developerSyncClient()
                .listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("d"))
                .records())
        .hasSize(1);
  }
}
