package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.StateChange;
import java.time.Instant;
import java.util.List;

/**
 * A committed change to one dataset, handed to every {@link ChangeListener} in commit order.
 *
 * @param deviceId the DeviceId the writer named in UpdateRecords, or null
 * @param written the records written (tombstones included), empty for a deletion
 */
public record DatasetChange(
    Kind kind,
    DatasetKey dataset,
    Caller caller,
    String deviceId,
    long syncCount,
    List<SyncRecord> written,
    Instant at)
    implements StateChange {
  public enum Kind {
    RECORDS_WRITTEN,
    DATASET_DELETED
  }
}
