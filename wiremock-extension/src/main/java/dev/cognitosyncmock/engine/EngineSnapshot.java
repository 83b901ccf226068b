package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole state as plain values: what the admin API exports and imports, and what seed files
 * hold. On import, boxed members may be left out and are filled in (counts, dates, existence); the
 * pool-level members (configuration, events, devices, ...) may be left out too.
 */
public record EngineSnapshot(List<PoolSnapshot> identityPools) {

  /**
   * @param pushSync SEMANTICS G1, null when not configured
   * @param cognitoStreams SEMANTICS G1/G5, null when not configured
   * @param events SEMANTICS G2: event type to Lambda ARN
   * @param mockSettings the mock's own webhook and SyncTrigger URLs
   * @param bulkPublish the last bulk publish run (G6), null when none
   */
  public record PoolSnapshot(
      String identityPoolId,
      Instant creationDate,
      Long syncSessionsCount,
      List<IdentitySnapshot> identities,
      PushSyncConfig pushSync,
      CognitoStreamsConfig cognitoStreams,
      Map<String, String> events,
      PoolMockSettings mockSettings,
      BulkPublishRun bulkPublish) {

    public PoolSnapshot(
        String identityPoolId,
        Instant creationDate,
        Long syncSessionsCount,
        List<IdentitySnapshot> identities) {
      this(
          identityPoolId,
          creationDate,
          syncSessionsCount,
          identities,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /**
   * @param devices devices registered for push sync (G4)
   * @param subscriptions dataset name to the DeviceIds subscribed to it (G4)
   */
  public record IdentitySnapshot(
      String identityId,
      List<DatasetSnapshot> datasets,
      List<Device> devices,
      Map<String, List<String>> subscriptions) {

    public IdentitySnapshot(String identityId, List<DatasetSnapshot> datasets) {
      this(identityId, datasets, null, null);
    }
  }

  /**
   * @param syncCount the dataset's sync count; at least the highest record SyncCount
   * @param deletionWatermark the sync count at the last deletion (SEMANTICS E1), 0 when never
   * @param exists false for a deleted dataset kept for its watermark
   * @param mergedFrom for a merged dataset {@code X.<absorbedId>}: X (SEMANTICS E3)
   */
  public record DatasetSnapshot(
      String datasetName,
      Instant creationDate,
      Instant lastModifiedDate,
      String lastModifiedBy,
      Long syncCount,
      Long deletionWatermark,
      Boolean exists,
      String mergedFrom,
      List<SyncRecord> records) {}
}
