package dev.cognitosyncmock.engine;

import java.time.Instant;

/** The model's {@code Dataset} shape: metadata of one dataset (SEMANTICS B4). */
public record DatasetInfo(
    String identityId,
    String datasetName,
    Instant creationDate,
    Instant lastModifiedDate,
    String lastModifiedBy,
    long dataStorage,
    long numRecords) {}
