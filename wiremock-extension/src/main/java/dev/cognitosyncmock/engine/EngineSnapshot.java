package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.List;

/**
 * The whole state as plain values: what the admin API exports and imports, and what seed files
 * hold. On import, boxed members may be left out and are filled in (counts, dates, existence).
 */
public record EngineSnapshot(List<PoolSnapshot> identityPools) {

  public record PoolSnapshot(String identityPoolId, Instant creationDate, Long syncSessionsCount,
      List<IdentitySnapshot> identities) {
  }

  public record IdentitySnapshot(String identityId, List<DatasetSnapshot> datasets) {
  }

  /**
   * @param syncCount the dataset's sync count; at least the highest record SyncCount
   * @param deletionWatermark the sync count at the last deletion (SEMANTICS E1), 0 when never
   * @param exists false for a deleted dataset kept for its watermark
   * @param mergedFrom for a merged dataset {@code X.<absorbedId>}: X (SEMANTICS E3)
   */
  public record DatasetSnapshot(String datasetName, Instant creationDate,
      Instant lastModifiedDate, String lastModifiedBy, Long syncCount, Long deletionWatermark,
      Boolean exists, String mergedFrom, List<SyncRecord> records) {
  }
}
