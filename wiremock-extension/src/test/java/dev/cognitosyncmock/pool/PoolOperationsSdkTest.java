package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.EngineSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.CognitoStreams;
import software.amazon.awssdk.services.cognitosync.model.GetIdentityPoolConfigurationResponse;
import software.amazon.awssdk.services.cognitosync.model.IdentityPoolUsage;
import software.amazon.awssdk.services.cognitosync.model.InvalidConfigurationException;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.ListIdentityPoolUsageResponse;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** SEMANTICS G1, G4 (devices and subscriptions), G7 and D5 through the AWS SDK for Java v2. */
class PoolOperationsSdkTest extends PoolSdkTestSupport {
  static final String POOL_B = "us-east-1:22222222-2222-3333-4444-555555555555";
  static final String POOL_C = "us-east-1:33333333-2222-3333-4444-555555555555";

  @Test
  void G7_D5_poolUsageFollowsTheDataAndCountsSyncSessions() {
    start();
    // write() calls ListRecords twice: once for the token, once for the key's SyncCount
    write(developer, IDENTITY, "profile", null, "name", "ada");
    developer.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("x"));

    IdentityPoolUsage usage =
        developer.describeIdentityPoolUsage(r -> r.identityPoolId(POOL)).identityPoolUsage();
    assertThat(usage.identityPoolId()).isEqualTo(POOL);
    assertThat(usage.syncSessionsCount()).isEqualTo(3);
    assertThat(usage.dataStorage()).isEqualTo(7); // "name" + "ada"
    assertThat(usage.lastModifiedDate()).isEqualTo(clock.instant());
  }

  @Test
  void G7_listIdentityPoolUsagePagesOverKnownPools() {
    start();
    for (String pool : new String[] {POOL_C, POOL, POOL_B}) {
      developer.describeIdentityPoolUsage(r -> r.identityPoolId(pool));
    }

    ListIdentityPoolUsageResponse first = developer.listIdentityPoolUsage(r -> r.maxResults(2));
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.maxResults()).isEqualTo(2);
    assertThat(first.nextToken()).isNotNull();
    assertThat(first.identityPoolUsages())
        .extracting(IdentityPoolUsage::identityPoolId)
        .containsExactly(POOL, POOL_B);

    ListIdentityPoolUsageResponse second =
        developer.listIdentityPoolUsage(r -> r.maxResults(2).nextToken(first.nextToken()));
    assertThat(second.count()).isEqualTo(1);
    assertThat(second.nextToken()).isNull();
    assertThat(second.identityPoolUsages())
        .extracting(IdentityPoolUsage::identityPoolId)
        .containsExactly(POOL_C);
  }

  @Test
  void G7_foreignNextTokenIsInvalidParameter() {
    start();
    assertThatThrownBy(() -> developer.listIdentityPoolUsage(r -> r.nextToken("bm90LW91cnM=")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void G7_unknownPoolIsResourceNotFoundWithStrictPools() {
    start(EngineSettings.DEFAULT.with(s -> s.strictPools = true));
    assertThatThrownBy(() -> developer.describeIdentityPoolUsage(r -> r.identityPoolId(POOL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> developer.getCognitoEvents(r -> r.identityPoolId(POOL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> developer.bulkPublish(r -> r.identityPoolId(POOL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> developer.getBulkPublishDetails(r -> r.identityPoolId(POOL)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                identity.registerDevice(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .platform(Platform.APNS)
                            .token("t")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(developer.listIdentityPoolUsage(r -> {}).count()).isZero();
  }

  @Test
  void G1_configurationRoundTripsAndOmittedSectionsStay() {
    start();
    GetIdentityPoolConfigurationResponse empty =
        developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL));
    assertThat(empty.identityPoolId()).isEqualTo(POOL);
    assertThat(empty.pushSync()).isNull();
    assertThat(empty.cognitoStreams()).isNull();

    var afterPush =
        developer.setIdentityPoolConfiguration(
            r ->
                r.identityPoolId(POOL)
                    .pushSync(
                        PushSync.builder().applicationArns(APP_ARN).roleArn(ROLE_ARN).build()));
    assertThat(afterPush.pushSync().applicationArns()).containsExactly(APP_ARN);
    assertThat(afterPush.cognitoStreams()).isNull();

    var afterStreams =
        developer.setIdentityPoolConfiguration(
            r ->
                r.identityPoolId(POOL)
                    .cognitoStreams(
                        CognitoStreams.builder()
                            .streamName(STREAM)
                            .roleArn(ROLE_ARN)
                            .streamingStatus(StreamingStatus.ENABLED)
                            .build()));
    assertThat(afterStreams.pushSync().roleArn()).isEqualTo(ROLE_ARN);

    GetIdentityPoolConfigurationResponse got =
        developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL));
    assertThat(got.pushSync().applicationArns()).containsExactly(APP_ARN);
    assertThat(got.cognitoStreams().streamName()).isEqualTo(STREAM);
    assertThat(got.cognitoStreams().streamingStatus()).isEqualTo(StreamingStatus.ENABLED);
  }

  @Test
  void G1_invalidRoleArnIsInvalidParameter() {
    start();
    assertThatThrownBy(
            () ->
                developer.setIdentityPoolConfiguration(
                    r ->
                        r.identityPoolId(POOL)
                            .pushSync(
                                PushSync.builder()
                                    .applicationArns(APP_ARN)
                                    .roleArn("not-a-role")
                                    .build())))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL)).pushSync())
        .isNull();
  }

  @Test
  void G4_registerDeviceNeedsPushSyncAndIsStablePerToken() {
    start();
    assertThatThrownBy(
            () ->
                identity.registerDevice(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .platform(Platform.GCM)
                            .token("t1")))
        .isInstanceOf(InvalidConfigurationException.class);

    configurePush();
    String first =
        identity
            .registerDevice(
                r -> r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.GCM).token("t1"))
            .deviceId();
    String again =
        identity
            .registerDevice(
                r -> r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.GCM).token("t1"))
            .deviceId();
    String other =
        identity
            .registerDevice(
                r ->
                    r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.APNS).token("t1"))
            .deviceId();
    assertThat(first)
        .isEqualTo(again)
        .isNotEqualTo(other)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void G4_requirePushSyncForDevicesCanBeTurnedOff() {
    start(EngineSettings.DEFAULT.with(s -> s.requirePushSyncForDevices = false));
    assertThat(
            identity
                .registerDevice(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .platform(Platform.ADM)
                            .token("t"))
                .deviceId())
        .isNotBlank();
  }

  @Test
  void G4_pushSyncWithNoApplicationsCountsAsNotConfigured() {
    start();
    developer.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(PushSync.builder().applicationArns(java.util.List.of()).build()));
    assertThatThrownBy(
            () ->
                identity.subscribeToDataset(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("d")
                            .deviceId("any")))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void G4_subscribeNeedsARegisteredDeviceAndAnExistingDataset() {
    start();
    configurePush();
    String device =
        identity
            .registerDevice(
                r -> r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.GCM).token("t"))
            .deviceId();

    assertThatThrownBy(
            () ->
                identity.subscribeToDataset(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("profile")
                            .deviceId(device)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Dataset");
    write(identity, IDENTITY, "profile", null, "name", "ada");
    assertThatThrownBy(
            () ->
                identity.subscribeToDataset(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("profile")
                            .deviceId("unknown-device")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Device");
    assertThatThrownBy(
            () ->
                identity.subscribeToDataset(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId("us-east-1:00000000-0000-0000-0000-000000000000")
                            .datasetName("profile")
                            .deviceId(device)))
        .isInstanceOf(ResourceNotFoundException.class);

    identity.subscribeToDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile").deviceId(device));
    identity.unsubscribeFromDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile").deviceId(device));
    assertThatThrownBy(
            () ->
                identity.unsubscribeFromDataset(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("profile")
                            .deviceId(device)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("not subscribed");
  }

  @Test
  void G1_G2_G4_G6_poolStateRoundTripsThroughStateExportAndImport() throws Exception {
    start();
    configurePush();
    enableStreaming(StreamingStatus.ENABLED);
    developer.setCognitoEvents(
        r ->
            r.identityPoolId(POOL)
                .events(Map.of("SyncTrigger", "arn:aws:lambda:us-east-1:123456789012:function:f")));
    write(identity, IDENTITY, "profile", null, "name", "ada");
    String device =
        identity
            .registerDevice(
                r -> r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.GCM).token("t"))
            .deviceId();
    identity.subscribeToDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile").deviceId(device));
    developer.bulkPublish(r -> r.identityPoolId(POOL));
    admin(
        "POST",
        "/pool-settings",
        "{\"IdentityPoolId\":\"" + POOL + "\",\"PushWebhookUrl\":\"http://127.0.0.1:9/hook\"}");

    String exported = admin("GET", "/state", null);
    admin("POST", "/reset", null);
    assertThat(developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL)).pushSync())
        .isNull();
    admin("PUT", "/state", exported);

    assertThat(admin("GET", "/state", null)).isEqualTo(exported);
    assertThat(
            developer
                .getIdentityPoolConfiguration(r -> r.identityPoolId(POOL))
                .cognitoStreams()
                .streamName())
        .isEqualTo(STREAM);
    assertThat(developer.getCognitoEvents(r -> r.identityPoolId(POOL)).events())
        .containsKey("SyncTrigger");
    assertThat(
            developer
                .getBulkPublishDetails(r -> r.identityPoolId(POOL))
                .bulkPublishStatusAsString())
        .isEqualTo("SUCCEEDED");
    assertThat(
            identity
                .registerDevice(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .platform(Platform.GCM)
                            .token("t"))
                .deviceId())
        .isEqualTo(device);
    service().sideEffects().clear();
    write(identity, IDENTITY, "profile", null, "name", "grace");
    assertThat(service().sideEffects().pushNotifications())
        .singleElement()
        .satisfies(n -> assertThat(n.deviceId()).isEqualTo(device));
  }
}
