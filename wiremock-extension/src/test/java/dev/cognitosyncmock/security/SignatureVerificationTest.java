package dev.cognitosyncmock.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;

/**
 * SigV4 verification with the real AWS SDK v2 client: each way a signature can fail answers the
 * error of AWS's common error list, with its status, and nothing reaches the engine (A1 for the
 * error form).
 */
class SignatureVerificationTest extends SecurityTestSupport {

  private ListRecordsResponse listAlice(CognitoSyncClient c) {
    return c.listRecords(r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("settings"));
  }

  private static void assertRefused(Runnable call, int status, String errorCode) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            CognitoSyncException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
              assertThat(e.requestId()).isNotBlank();
            });
  }

  @Test
  void A1_signedWithAConfiguredDeveloperKeyOrIdentitySession_isServed() {
    start(b -> b.verifySignatures(true));
    assertThat(listAlice(client(DEVELOPER)).syncSessionToken()).isNotBlank();
    assertThat(listAlice(client(ALICE_KEY)).datasetExists()).isFalse();
    // a write: a JSON body, signed payload hash
    String token = listAlice(client(ALICE_KEY)).syncSessionToken();
    assertThat(
            client(ALICE_KEY)
                .updateRecords(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(ALICE)
                            .datasetName("settings")
                            .syncSessionToken(token)
                            .recordPatches(p -> p.op("replace").key("k").value("v").syncCount(0L)))
                .records())
        .hasSize(1);
  }

  @Test
  void A1_noSignature_isMissingAuthenticationToken403() {
    start(b -> b.verifySignatures(true));
    CognitoSyncClient anonymous =
        CognitoSyncClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
            .build();
    try (anonymous) {
      assertRefused(() -> listAlice(anonymous), 403, AuthErrors.MISSING_AUTHENTICATION_TOKEN);
    }
  }

  @Test
  void A1_wrongSecret_isInvalidSignatureException403() {
    start(b -> b.verifySignatures(true));
    CognitoSyncClient wrong =
        client(AwsBasicCredentials.create(DEVELOPER.accessKeyId(), "not-the-secret"));
    assertRefused(() -> listAlice(wrong), 403, AuthErrors.INVALID_SIGNATURE);
  }

  @Test
  void A1_unknownAccessKey_isUnrecognizedClientException403() {
    start(b -> b.verifySignatures(true));
    CognitoSyncClient stranger =
        client(AwsBasicCredentials.create("AKIANOBODY0000000000", DEVELOPER.secretAccessKey()));
    assertRefused(() -> listAlice(stranger), 403, AuthErrors.UNRECOGNIZED_CLIENT);
  }

  @Test
  void A1_identityKeyWithAWrongOrMissingSessionToken_isUnrecognizedClientException403() {
    start(b -> b.verifySignatures(true));
    CognitoSyncClient wrongToken =
        client(
            AwsSessionCredentials.create(
                ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey(), "someone-elses-token"));
    assertRefused(() -> listAlice(wrongToken), 403, AuthErrors.UNRECOGNIZED_CLIENT);
    CognitoSyncClient noToken =
        client(AwsBasicCredentials.create(ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey()));
    assertRefused(() -> listAlice(noToken), 403, AuthErrors.UNRECOGNIZED_CLIENT);
    // a developer key carries no session token
    CognitoSyncClient devWithToken =
        client(
            AwsSessionCredentials.create(
                DEVELOPER.accessKeyId(), DEVELOPER.secretAccessKey(), "token"));
    assertRefused(() -> listAlice(devWithToken), 403, AuthErrors.UNRECOGNIZED_CLIENT);
  }

  @Test
  void A1_signedMoreThan15MinutesAgo_isRequestExpired400() {
    // the mock's clock runs 16 minutes ahead of the client's
    start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), b -> b.verifySignatures(true));
    assertRefused(() -> listAlice(client(DEVELOPER)), 400, AuthErrors.REQUEST_EXPIRED);
  }

  @Test
  void A1_signedMoreThan15MinutesAhead_isRequestExpired400_butAFewMinutesOfSkewPass() {
    start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16)), b -> b.verifySignatures(true));
    assertRefused(() -> listAlice(client(DEVELOPER)), 400, AuthErrors.REQUEST_EXPIRED);
    server.stop();
    start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14)), b -> b.verifySignatures(true));
    assertThat(listAlice(client(DEVELOPER)).syncSessionToken()).isNotBlank();
  }

  @Test
  void A1_refusedRequestsLeaveNoTrace() {
    start(b -> b.verifySignatures(true));
    var before = server.service().engine().exportState();
    CognitoSyncClient wrong = client(AwsBasicCredentials.create(DEVELOPER.accessKeyId(), "x"));
    assertRefused(
        () ->
            wrong.setCognitoEvents(
                r ->
                    r.identityPoolId(POOL)
                        .events(
                            java.util.Map.of(
                                "SyncTrigger",
                                "arn:aws:lambda:us-east-1:123456789012:function:f"))),
        403,
        AuthErrors.INVALID_SIGNATURE);
    assertThat(server.service().engine().exportState()).isEqualTo(before);
  }

  @Test
  void verificationIsOffByDefault_anyCredentialsAreServed() {
    start(b -> b);
    CognitoSyncClient stranger = client(AwsBasicCredentials.create("anything", "goes"));
    assertThat(listAlice(stranger).syncSessionToken()).isNotBlank();
  }
}
