package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * Clients of both credential classes from the extension, against a mock that checks signatures and
 * enforces the classes (SEMANTICS A7, C5).
 */
@CognitoSyncTest(verifySignatures = true, enforceCredentialClasses = true)
class IdentityCredentialsTest {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ALICE = "us-east-1:00000000-0000-0000-0000-0000000a11ce";
  static final String BOB = "us-east-1:00000000-0000-0000-0000-000000000b0b";

  @CognitoSyncInject
  @IdentityCredentials(BOB)
  CognitoSyncClient bobField;

  @Test
  void C5_anIdentityClientWritesItsOwnDataAsItself(
      @IdentityCredentials(ALICE) CognitoSyncClient alice) {
    String token =
        alice
            .listRecords(r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("prefs"))
            .syncSessionToken();
    Record written =
        alice
            .updateRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(ALICE)
                        .datasetName("prefs")
                        .syncSessionToken(token)
                        .recordPatches(
                            p -> p.op("replace").key("theme").value("dark").syncCount(0L)))
            .records()
            .get(0);
    assertThat(written.lastModifiedBy()).isEqualTo(ALICE);
  }

  @Test
  void A7_anIdentityClientCannotReachAnotherIdentitysData(
      @IdentityCredentials(ALICE) CognitoSyncClient alice) {
    assertThatThrownBy(
            () ->
                alice.listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("prefs")))
        .isInstanceOfSatisfying(
            CognitoSyncException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .contains(
                      "assumed-role/", "/CognitoIdentityCredentials", "cognito-sync:ListRecords");
            });
    assertThat(
            bobField
                .listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("prefs"))
                .datasetExists())
        .isFalse();
  }

  @Test
  void A7_developerOnlyOperationsRefuseIdentityClients(
      @IdentityCredentials(ALICE) CognitoSyncClient alice, CognitoSyncClient developer) {
    assertThatThrownBy(() -> alice.describeIdentityPoolUsage(r -> r.identityPoolId(POOL)))
        .isInstanceOf(NotAuthorizedException.class);
    assertThat(
            developer
                .describeIdentityPoolUsage(r -> r.identityPoolId(POOL))
                .identityPoolUsage()
                .identityPoolId())
        .isEqualTo(POOL);
  }

  @Test
  void A7_identityOnlyOperationsRefuseTheDeveloperClient(CognitoSyncClient developer) {
    assertThatThrownBy(
            () ->
                developer.registerDevice(
                    r ->
                        r.identityPoolId(POOL).identityId(ALICE).platform(Platform.GCM).token("t")))
        .isInstanceOf(NotAuthorizedException.class);
  }
}
