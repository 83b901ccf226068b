package dev.cognitosyncmock.junit;

import static dev.cognitosyncmock.junit.Sync.DATASET;
import static dev.cognitosyncmock.junit.Sync.ID;
import static dev.cognitosyncmock.junit.Sync.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.SyncTriggerRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Platform;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** The handle shows what the mock sent elsewhere (SEMANTICS G3, G4, G5), and resets it per test. */
@CognitoSyncTest
class SideEffectsHandleTest {

  @Test
  void G4_pushNotificationsOfOtherDevicesAreReadable(CognitoSyncClient sync, CognitoSyncMock mock) {
    sync.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(
                    p ->
                        p.applicationArns("arn:aws:sns:us-east-1:123456789012:app/GCM/example")
                            .roleArn("arn:aws:iam::123456789012:role/push")));
    Sync.put(sync, "first", "1"); // the dataset must exist before subscribing
    String phone =
        sync.registerDevice(
                r -> r.identityPoolId(POOL).identityId(ID).platform(Platform.GCM).token("phone"))
            .deviceId();
    String tablet =
        sync.registerDevice(
                r -> r.identityPoolId(POOL).identityId(ID).platform(Platform.GCM).token("tablet"))
            .deviceId();
    for (String device : new String[] {phone, tablet}) {
      sync.subscribeToDataset(
          r -> r.identityPoolId(POOL).identityId(ID).datasetName(DATASET).deviceId(device));
    }
    String token = Sync.token(sync);
    sync.updateRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(ID)
                .datasetName(DATASET)
                .deviceId(phone)
                .syncSessionToken(token)
                .recordPatches(p -> p.op("replace").key("theme").value("dark").syncCount(0L)));

    assertThat(mock.pushNotifications(phone)).isEmpty();
    assertThat(mock.pushNotifications(tablet))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.data())
                    .containsEntry("syncCount", "2")
                    .containsEntry("source", "cognito-sync"));
  }

  @Test
  void G5_streamRecordsAreReadableAndTheResetBeforeThisTestClearedTheNotifications(
      CognitoSyncClient sync, CognitoSyncMock mock) {
    assertThat(mock.pushNotifications()).isEmpty();
    sync.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .cognitoStreams(
                    s ->
                        s.streamName("sync-stream")
                            .roleArn("arn:aws:iam::123456789012:role/streams")
                            .streamingStatus(StreamingStatus.ENABLED)));
    Sync.put(sync, "theme", "dark");
    assertThat(mock.streamRecords("sync-stream"))
        .singleElement()
        .satisfies(r -> assertThat(r.dataSetName()).isEqualTo(DATASET));
  }

  @Test
  void G3_aSyncTriggerHandlerSetOnTheHandleRewritesWrites(
      CognitoSyncClient sync, CognitoSyncMock mock) {
    sync.setCognitoEvents(
        r ->
            r.identityPoolId(POOL)
                .events(Map.of("SyncTrigger", "arn:aws:lambda:us-east-1:123456789012:function:f")));
    mock.setSyncTriggerHandler(
        POOL,
        event -> {
          Map<String, SyncTriggerRecord> records = event.copyOfRecords();
          records.put("badge", SyncTriggerRecord.replace(null, "gold"));
          return event.withDatasetRecords(records);
        });
    Sync.put(sync, "theme", "dark");
    assertThat(mock.values(POOL, ID, DATASET))
        .containsEntry("badge", "gold")
        .containsEntry("theme", "dark");
  }
}
