package dev.cognitosyncmock.engine;

import java.util.List;

/** What ListRecords answers (SEMANTICS A6, B3, C6, D1, E1, E3). */
public record RecordsPage(
    List<SyncRecord> records,
    String nextToken,
    long datasetSyncCount,
    String lastModifiedBy,
    List<String> mergedDatasetNames,
    boolean datasetExists,
    boolean datasetDeletedAfterRequestedSyncCount,
    String syncSessionToken) {}
