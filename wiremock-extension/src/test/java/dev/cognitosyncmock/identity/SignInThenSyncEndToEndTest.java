package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitosyncmock.engine.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real applications' flows, end to end, with signature verification and credential classes on: sign
 * in through Cognito Identity (or STS), then sync with the credentials it gave.
 */
class SignInThenSyncEndToEndTest extends IdentitySdkTestSupport {

  void startSecure() {
    start(b -> b.verifySignatures(true).enforceCredentialClasses(true));
  }

  static ListRecordsResponse list(CognitoSyncClient sync, String pool, String id, String dataset) {
    return sync.listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName(dataset));
  }

  static void put(
      CognitoSyncClient sync, String pool, String id, String dataset, String key, String value) {
    ListRecordsResponse before = list(sync, pool, id, dataset);
    long count =
        before.records().stream()
            .filter(r -> r.key().equals(key))
            .mapToLong(r -> r.syncCount())
            .findFirst()
            .orElse(0);
    sync.updateRecords(
        r ->
            r.identityPoolId(pool)
                .identityId(id)
                .datasetName(dataset)
                .syncSessionToken(before.syncSessionToken())
                .recordPatches(p -> p.op("replace").key(key).value(value).syncCount(count)));
  }

  @Test
  @DisplayName(
      "E2E-1 H44 H47 A7: a guest signs in, syncs its own dataset with its credentials, and is refused on another identity's")
  void guestSignsInAndSyncs() {
    startSecure();
    String pool = createPool();
    String me = identity.getId(r -> r.identityPoolId(pool)).identityId();
    Credentials creds = identity.getCredentialsForIdentity(r -> r.identityId(me)).credentials();
    CognitoSyncClient sync = syncClient(creds);
    assertThat(list(sync, pool, me, "settings").datasetExists()).isFalse();
    put(sync, pool, me, "settings", "theme", "dark");
    ListRecordsResponse mine = list(sync, pool, me, "settings");
    assertThat(mine.records()).extracting(r -> r.value()).containsExactly("dark");
    assertThat(mine.records().get(0).lastModifiedBy())
        .isEqualTo(me); // C5: identity credentials write as the identity
    String other = identity.getId(r -> r.identityPoolId(pool)).identityId();
    assertThatThrownBy(() -> list(sync, pool, other, "settings"))
        .isInstanceOf(CognitoSyncException.class)
        .satisfies(e -> assertThat(((CognitoSyncException) e).statusCode()).isEqualTo(403))
        // A7: IAM names the role Cognito Identity issued the keys for (the pool's unauthenticated
        // role)
        .satisfies(
            e ->
                assertThat(((CognitoSyncException) e).awsErrorDetails().errorCode())
                    .isEqualTo("AccessDeniedException"))
        .hasMessageContaining(":assumed-role/Cognito_Unauth_Role/CognitoIdentityCredentials");
  }

  @Test
  @DisplayName(
      "E2E-2 H35 H39 H43 E3: two developer users sync, MergeDeveloperIdentities, the survivor lists the merged dataset at DatasetSyncCount 1")
  void developerUsersMerge() {
    startSecure();
    String pool = createPool();
    var alice =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")));
    var bob =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "bob")));
    CognitoSyncClient aliceSync =
        syncClient(
            identity
                .getCredentialsForIdentity(
                    r ->
                        r.identityId(alice.identityId())
                            .logins(Map.of("cognito-identity.amazonaws.com", alice.token())))
                .credentials());
    CognitoSyncClient bobSync =
        syncClient(
            identity
                .getCredentialsForIdentity(
                    r ->
                        r.identityId(bob.identityId())
                            .logins(Map.of("cognito-identity.amazonaws.com", bob.token())))
                .credentials());
    put(aliceSync, pool, alice.identityId(), "notes", "a", "from alice");
    put(bobSync, pool, bob.identityId(), "notes", "b", "from bob");
    String survivor =
        identity
            .mergeDeveloperIdentities(
                r ->
                    r.identityPoolId(pool)
                        .developerProviderName("login.myapp")
                        .sourceUserIdentifier("bob")
                        .destinationUserIdentifier("alice"))
            .identityId();
    assertThat(survivor).isEqualTo(alice.identityId());
    String merged = "notes." + bob.identityId();
    assertThat(aliceSync.listDatasets(r -> r.identityPoolId(pool).identityId(survivor)).datasets())
        .extracting(d -> d.datasetName())
        .contains("notes", merged);
    ListRecordsResponse mergedRecords = list(aliceSync, pool, survivor, merged);
    assertThat(mergedRecords.datasetSyncCount()).isEqualTo(1L);
    assertThat(mergedRecords.records()).extracting(r -> r.value()).containsExactly("from bob");
    assertThat(list(aliceSync, pool, survivor, "notes").mergedDatasetNames()).contains(merged);
  }

  @Test
  @DisplayName(
      "E2E-3 H48 E6: guest X logs in with L; guest X2 presents L and merges into X; X2's dataset D reaches X as D.<X2>")
  void guestThenLogin() {
    startSecure();
    String pool = createPool();
    String x = identity.getId(r -> r.identityPoolId(pool)).identityId();
    CognitoSyncClient xGuest =
        syncClient(identity.getCredentialsForIdentity(r -> r.identityId(x)).credentials());
    put(xGuest, pool, x, "D", "k", "x-guest");
    var upgraded =
        identity.getCredentialsForIdentity(
            r -> r.identityId(x).logins(Map.of("graph.facebook.com", "L")));
    assertThat(upgraded.identityId()).isEqualTo(x);
    assertThat(identity.describeIdentity(r -> r.identityId(x)).logins())
        .containsExactly("graph.facebook.com");
    CognitoSyncClient xAuth = syncClient(upgraded.credentials());
    assertThat(list(xAuth, pool, x, "D").records())
        .extracting(r -> r.value())
        .containsExactly("x-guest");

    String x2 = identity.getId(r -> r.identityPoolId(pool)).identityId();
    CognitoSyncClient x2Guest =
        syncClient(identity.getCredentialsForIdentity(r -> r.identityId(x2)).credentials());
    put(x2Guest, pool, x2, "D", "k", "x2-guest");
    var merged =
        identity.getCredentialsForIdentity(
            r -> r.identityId(x2).logins(Map.of("graph.facebook.com", "L")));
    assertThat(merged.identityId()).isEqualTo(x);
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(x2)),
        software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException.class,
        "forbidden");
    CognitoSyncClient survivor = syncClient(merged.credentials());
    ListRecordsResponse moved = list(survivor, pool, x, "D." + x2);
    assertThat(moved.records()).extracting(r -> r.value()).containsExactly("x2-guest");
    assertThat(moved.datasetSyncCount()).isEqualTo(1L);
    assertThat(list(survivor, pool, x, "D").records())
        .extracting(r -> r.value())
        .containsExactly("x-guest");
  }

  @Test
  @DisplayName(
      "E2E-4: the basic flow: GetOpenIdToken, STS AssumeRoleWithWebIdentity, then Sync with the STS credentials")
  void basicFlowThroughSts() {
    startSecure();
    String pool = createPool();
    String me = identity.getId(r -> r.identityPoolId(pool)).identityId();
    String token = identity.getOpenIdToken(r -> r.identityId(me)).token();
    try (StsClient sts =
        StsClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
            .build()) {
      var assumed =
          sts.assumeRoleWithWebIdentity(
              r ->
                  r.roleArn(UNAUTH_ROLE)
                      .roleSessionName("web")
                      .webIdentityToken(token)
                      .durationSeconds(900));
      assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo(me);
      assertThat(assumed.audience()).isEqualTo(pool);
      assertThat(assumed.provider()).isEqualTo("cognito-identity.amazonaws.com");
      assertThat(assumed.assumedRoleUser().arn())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/Cognito_Unauth_Role/web");
      var c = assumed.credentials();
      assertThat(c.accessKeyId()).startsWith("ASIA");
      assertThat(c.expiration())
          .isBetween(Instant.now().plusSeconds(800), Instant.now().plusSeconds(1000));
      CognitoSyncClient sync =
          syncClient(
              AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
      put(sync, pool, me, "profile", "name", "sts user");
      assertThat(list(sync, pool, me, "profile").records()).hasSize(1);
      assertThatThrownBy(
              () ->
                  sts.assumeRoleWithWebIdentity(
                      r ->
                          r.roleArn(UNAUTH_ROLE)
                              .roleSessionName("web")
                              .webIdentityToken(IdentitiesSdkTest.jwt("https://evil", "x"))))
          .isInstanceOfSatisfying(
              software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException.class,
              e -> assertThat(e.statusCode()).isEqualTo(400));
    }
  }

  @Test
  @DisplayName(
      "E2E-5 H41: an OpenID token verifies against the published JWKS with nimbus-jose-jwt")
  void tokenVerifiesAgainstJwks() throws Exception {
    start();
    String pool = createPool();
    var dev =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "u1")));
    JWKSet keys = JWKSet.load(URI.create(server.endpoint() + "/.well-known/jwks_uri").toURL());
    SignedJWT jwt = SignedJWT.parse(dev.token());
    RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(dev.identityId());
  }

  @Test
  @DisplayName(
      "H47: identity credentials past their Expiration are refused by Sync with 403 ExpiredTokenException")
  void H47_expiredCredentials() {
    MutableClock clock = new MutableClock(Instant.now());
    start(b -> b.clock(clock).enforceCredentialClasses(true));
    String pool = createPool();
    String me = identity.getId(r -> r.identityPoolId(pool)).identityId();
    CognitoSyncClient sync =
        syncClient(identity.getCredentialsForIdentity(r -> r.identityId(me)).credentials());
    assertThat(list(sync, pool, me, "d").datasetExists()).isFalse();
    clock.advance(Duration.ofMinutes(61));
    assertThatThrownBy(() -> list(sync, pool, me, "d"))
        .isInstanceOfSatisfying(
            CognitoSyncException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            });
  }

  @Test
  @DisplayName(
      "H15 H32: DeleteIdentities and DeleteIdentityPool drop the Sync data; strict pools serve only pools that exist")
  void deletionsReachSync() {
    start(
        b ->
            b.settings(
                dev.cognitosyncmock.engine.EngineSettings.DEFAULT.with(s -> s.strictPools = true)));
    CognitoSyncClient dev = developerSyncClient();
    String unknown = "us-east-1:00000000-0000-4000-8000-000000000042";
    assertThatThrownBy(() -> dev.describeIdentityPoolUsage(r -> r.identityPoolId(unknown)))
        .isInstanceOfSatisfying(
            CognitoSyncException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    String pool = createPool(); // created by Cognito Identity: now Sync serves it
    assertThat(
            dev.describeIdentityPoolUsage(r -> r.identityPoolId(pool))
                .identityPoolUsage()
                .identityPoolId())
        .isEqualTo(pool);
    String me = identity.getId(r -> r.identityPoolId(pool)).identityId();
    put(dev, pool, me, "d", "k", "v");
    identity.deleteIdentities(r -> r.identityIdsToDelete(me));
    assertThat(list(dev, pool, me, "d").datasetExists()).isFalse();
    put(dev, pool, me, "d", "k", "v");
    identity.deleteIdentityPool(r -> r.identityPoolId(pool));
    assertThatThrownBy(() -> dev.describeIdentityPoolUsage(r -> r.identityPoolId(pool)))
        .isInstanceOfSatisfying(
            CognitoSyncException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }
}
