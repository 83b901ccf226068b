package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.TreeMap;

/**
 * The server's state of one dataset. Guarded by its identity's lock. The object outlives a deletion
 * so that the sync count stays monotonic and the deletion watermark is remembered (SEMANTICS E1).
 */
final class Dataset {
  final String name;
  Instant creationDate;
  Instant lastModifiedDate;
  String lastModifiedBy;

  /** Highest sync count ever given out for this name; never goes down, not even on deletion. */
  long syncCount;

  /** The sync count at the most recent deletion; 0 when never deleted. */
  long deletionWatermark;

  boolean exists;

  /** For a dataset that arrived by a merge as {@code X.<absorbedIdentityId>}: X (SEMANTICS E3). */
  String mergedFrom;

  final TreeMap<String, SyncRecord> records = new TreeMap<>();
  long dataStorage;
  int liveRecords;

  Dataset(String name) {
    this.name = name;
  }

  long currentSyncCountOf(String key) {
    SyncRecord r = records.get(key);
    return r == null ? 0 : r.syncCount();
  }

  void put(SyncRecord record) {
    SyncRecord old = records.put(record.key(), record);
    if (old != null) {
      dataStorage -= old.storageBytes();
      liveRecords -= old.isTombstone() ? 0 : 1;
    }
    dataStorage += record.storageBytes();
    liveRecords += record.isTombstone() ? 0 : 1;
  }

  void delete() {
    exists = false;
    deletionWatermark = syncCount;
    records.clear();
    dataStorage = 0;
    liveRecords = 0;
    mergedFrom = null;
  }

  DatasetInfo info(String identityId) {
    return new DatasetInfo(
        identityId, name, creationDate, lastModifiedDate, lastModifiedBy, dataStorage, liveRecords);
  }
}
