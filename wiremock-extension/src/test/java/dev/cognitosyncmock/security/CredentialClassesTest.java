package dev.cognitosyncmock.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * SEMANTICS A7 and C5 with real SDK v2 clients, signatures verified: developer-only calls refuse
 * identity keys, identity-only calls refuse developer keys (403 NotAuthorizedException), an
 * identity key reaches only its own identity (IAM's 403 AccessDeniedException naming the assumed
 * role), every refusal changes nothing, and LastModifiedBy names the caller.
 */
class CredentialClassesTest extends SecurityTestSupport {
  static final String APP_ARN = "arn:aws:sns:us-east-1:123456789012:app/GCM/my-app";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/CognitoSyncRole";

  private CognitoSyncClient developer;
  private CognitoSyncClient alice;

  private void startEnforcing() {
    start(b -> b.verifySignatures(true).enforceCredentialClasses(true));
    developer = client(DEVELOPER);
    alice = client(ALICE_KEY);
  }

  private void assertNotAuthorized(Runnable call) {
    EngineSnapshot before = server.service().engine().exportState();
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            NotAuthorizedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotAuthorizedException");
            });
    assertThat(server.service().engine().exportState()).isEqualTo(before);
  }

  /**
   * IAM's answer to identity credentials on another identity's data [I10]: 403
   * AccessDeniedException (not a modeled shape, so a plain CognitoSyncException in the SDK) naming
   * the assumed role, the operation and the resource; nothing changes.
   */
  private void assertAccessDenied(String operation, String resource, Runnable call) {
    EngineSnapshot before = server.service().engine().exportState();
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            CognitoSyncException.class,
            e -> {
              assertThat(e).isNotInstanceOf(NotAuthorizedException.class);
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "User: arn:aws:sts::"
                          + Caller.DEFAULT_ACCOUNT_ID
                          + ":assumed-role/"
                          + CredentialClasses.IDENTITY_ROLE
                          + "/CognitoIdentityCredentials is not authorized to perform: cognito-sync:"
                          + operation
                          + " on resource: arn:aws:cognito-sync:us-east-1:"
                          + Caller.DEFAULT_ACCOUNT_ID
                          + ":identitypool/"
                          + resource);
            });
    assertThat(server.service().engine().exportState()).isEqualTo(before);
  }

  private String write(
      CognitoSyncClient c, String identity, String dataset, String key, String value) {
    String token =
        c.listRecords(r -> r.identityPoolId(POOL).identityId(identity).datasetName(dataset))
            .syncSessionToken();
    List<Record> written =
        c.updateRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(identity)
                        .datasetName(dataset)
                        .syncSessionToken(token)
                        .recordPatches(p -> p.op("replace").key(key).value(value).syncCount(0L)))
            .records();
    return written.get(0).lastModifiedBy();
  }

  @Test
  void A7_theTableNamesOnlyModeledOperations() {
    var modeled =
        ServiceModel.load().operations().stream()
            .map(OperationModel::name)
            .collect(Collectors.toSet());
    assertThat(modeled).containsAll(CredentialClasses.restrictedOperations());
    assertThat(
            new TreeSet<>(CredentialClasses.restrictedOperations())
                .stream()
                    .filter(op -> CredentialClasses.onlyFor(op) == Caller.Kind.IDENTITY)
                    .toList())
        .containsExactly("RegisterDevice", "SubscribeToDataset", "UnsubscribeFromDataset");
  }

  @Test
  void A7_developerOnlyOperationsRefuseIdentityCredentials() {
    startEnforcing();
    List<Consumer<CognitoSyncClient>> calls =
        List.of(
            c -> c.bulkPublish(r -> r.identityPoolId(POOL)),
            c -> c.getBulkPublishDetails(r -> r.identityPoolId(POOL)),
            c -> c.getCognitoEvents(r -> r.identityPoolId(POOL)),
            c ->
                c.setCognitoEvents(
                    r ->
                        r.identityPoolId(POOL)
                            .events(
                                Map.of(
                                    "SyncTrigger",
                                    "arn:aws:lambda:us-east-1:123456789012:function:f"))),
            c -> c.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL)),
            c ->
                c.setIdentityPoolConfiguration(
                    r ->
                        r.identityPoolId(POOL)
                            .pushSync(
                                PushSync.builder()
                                    .applicationArns(APP_ARN)
                                    .roleArn(ROLE_ARN)
                                    .build())),
            c -> c.describeIdentityPoolUsage(r -> r.identityPoolId(POOL)),
            c -> c.listIdentityPoolUsage(r -> r.maxResults(10)));
    for (Consumer<CognitoSyncClient> call : calls) {
      assertNotAuthorized(() -> call.accept(alice));
      call.accept(developer); // the same call with a developer key is served
    }
  }

  @Test
  void A7_identityOnlyOperationsRefuseDeveloperCredentials() {
    startEnforcing();
    developer.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(PushSync.builder().applicationArns(APP_ARN).roleArn(ROLE_ARN).build()));
    write(alice, ALICE, "settings", "k", "v");

    assertNotAuthorized(
        () ->
            developer.registerDevice(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(ALICE)
                        .platform(Platform.GCM)
                        .token("device-token")));
    String deviceId =
        alice
            .registerDevice(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(ALICE)
                        .platform(Platform.GCM)
                        .token("device-token"))
            .deviceId();

    assertNotAuthorized(
        () ->
            developer.subscribeToDataset(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(ALICE)
                        .datasetName("settings")
                        .deviceId(deviceId)));
    alice.subscribeToDataset(
        r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("settings").deviceId(deviceId));

    assertNotAuthorized(
        () ->
            developer.unsubscribeFromDataset(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(ALICE)
                        .datasetName("settings")
                        .deviceId(deviceId)));
    alice.unsubscribeFromDataset(
        r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("settings").deviceId(deviceId));
  }

  @Test
  void A7_anIdentityKeyReachesOnlyItsOwnIdentity() {
    startEnforcing();
    write(developer, BOB, "settings", "theme", "dark");
    write(alice, ALICE, "settings", "theme", "light");

    String bobs = POOL + "/identity/" + BOB + "/dataset/";
    assertAccessDenied(
        "ListRecords",
        bobs + "settings",
        () ->
            alice.listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings")));
    assertAccessDenied(
        "DescribeDataset",
        bobs + "settings",
        () ->
            alice.describeDataset(
                r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings")));
    // the real message names "dataset/null" for a call without a dataset [I10]
    assertAccessDenied(
        "ListDatasets",
        bobs + "null",
        () -> alice.listDatasets(r -> r.identityPoolId(POOL).identityId(BOB)));
    assertAccessDenied(
        "DescribeIdentityUsage",
        bobs + "null",
        () -> alice.describeIdentityUsage(r -> r.identityPoolId(POOL).identityId(BOB)));
    assertAccessDenied(
        "DeleteDataset",
        bobs + "settings",
        () ->
            alice.deleteDataset(
                r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings")));
    // a token Bob's own session obtained does not help Alice either
    String bobsToken =
        client(BOB_KEY)
            .listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings"))
            .syncSessionToken();
    assertAccessDenied(
        "UpdateRecords",
        bobs + "settings",
        () ->
            alice.updateRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(BOB)
                        .datasetName("settings")
                        .syncSessionToken(bobsToken)
                        .recordPatches(
                            p -> p.op("replace").key("theme").value("pwned").syncCount(1L))));

    // her own data, and the developer's view of everyone's, stay reachable
    assertThat(alice.listDatasets(r -> r.identityPoolId(POOL).identityId(ALICE)).count())
        .isEqualTo(1);
    assertThat(
            developer
                .listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings"))
                .records())
        .extracting(Record::value)
        .containsExactly("dark");
  }

  @Test
  void A7_anIdentityKeyBoundToAPoolReachesOnlyThatPool() {
    startEnforcing();
    CognitoSyncClient bob = client(BOB_KEY);
    assertAccessDenied(
        "ListRecords",
        OTHER_POOL + "/identity/" + BOB + "/dataset/settings",
        () ->
            bob.listRecords(
                r -> r.identityPoolId(OTHER_POOL).identityId(BOB).datasetName("settings")));
    assertThat(
            bob.listRecords(r -> r.identityPoolId(POOL).identityId(BOB).datasetName("settings"))
                .syncSessionToken())
        .isNotBlank();
  }

  @Test
  void C5_lastModifiedByIsTheIdentityForIdentityKeysAndTheAccountForDeveloperKeys() {
    startEnforcing();
    assertThat(write(alice, ALICE, "settings", "a", "1")).isEqualTo(ALICE);
    assertThat(write(developer, ALICE, "other", "b", "2")).isEqualTo(DEVELOPER_ACCOUNT);
    assertThat(
            developer
                .describeDataset(
                    r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("settings"))
                .dataset()
                .lastModifiedBy())
        .isEqualTo(ALICE);
    assertThat(
            developer
                .describeDataset(r -> r.identityPoolId(POOL).identityId(ALICE).datasetName("other"))
                .dataset()
                .lastModifiedBy())
        .isEqualTo(DEVELOPER_ACCOUNT);
  }

  @Test
  void C5_withVerificationOff_aConfiguredKeyStillNamesTheCaller() {
    start(b -> b);
    assertThat(write(client(ALICE_KEY), ALICE, "settings", "a", "1")).isEqualTo(ALICE);
    assertThat(write(client(DEVELOPER), ALICE, "settings2", "a", "1")).isEqualTo(DEVELOPER_ACCOUNT);
    // an unknown key falls back to the request's form: no session token, the mock's account
    assertThat(write(client(AwsBasicCredentials.create("x", "y")), ALICE, "settings3", "a", "1"))
        .isEqualTo(Caller.DEFAULT_ACCOUNT_ID);
  }

  @Test
  void A7_enforcedWithoutKeys_theClassIsReadFromTheRequest() {
    start(b -> b.enforceCredentialClasses(true));
    CognitoSyncClient session = client(AwsSessionCredentials.create("ASIAANY", "s", "t"));
    CognitoSyncClient basic = client(AwsBasicCredentials.create("AKIAANY", "s"));
    assertNotAuthorized(() -> session.getCognitoEvents(r -> r.identityPoolId(POOL)));
    assertThat(basic.getCognitoEvents(r -> r.identityPoolId(POOL)).events()).isEmpty();
    basic.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(PushSync.builder().applicationArns(APP_ARN).roleArn(ROLE_ARN).build()));
    assertNotAuthorized(
        () ->
            basic.registerDevice(
                r -> r.identityPoolId(POOL).identityId(ALICE).platform(Platform.GCM).token("t")));
    assertThat(
            session
                .registerDevice(
                    r -> r.identityPoolId(POOL).identityId(ALICE).platform(Platform.GCM).token("t"))
                .deviceId())
        .isNotBlank();
  }

  @Test
  void A7_notEnforcedByDefault_identityKeysMayCallDeveloperOperations() {
    start(b -> b.verifySignatures(true));
    assertThat(client(ALICE_KEY).getCognitoEvents(r -> r.identityPoolId(POOL)).events()).isEmpty();
  }
}
