package dev.cognitosyncmock.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event a SyncTrigger Lambda receives and returns (SEMANTICS G3), field for field as
 * documented: {@code {version:2, eventType:"SyncTrigger", region, identityPoolId, identityId,
 * datasetName, datasetRecords}}. A handler may only change {@code datasetRecords}.
 */
public record SyncTriggerEvent(
    int version,
    String eventType,
    String region,
    String identityPoolId,
    String identityId,
    String datasetName,
    Map<String, SyncTriggerRecord> datasetRecords) {
  public static final int VERSION = 2;
  public static final String EVENT_TYPE = "SyncTrigger";

  /** The same event with other records: what a handler usually returns. */
  public SyncTriggerEvent withDatasetRecords(Map<String, SyncTriggerRecord> records) {
    return new SyncTriggerEvent(
        version, eventType, region, identityPoolId, identityId, datasetName, records);
  }

  /** A mutable copy of the records, in event order, to edit and pass to withDatasetRecords. */
  public Map<String, SyncTriggerRecord> copyOfRecords() {
    return new LinkedHashMap<>(datasetRecords);
  }
}
