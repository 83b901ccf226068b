package dev.cognitosyncmock.engine;

import java.time.Instant;

/** The model's {@code IdentityUsage} shape (SEMANTICS G7). */
public record IdentityUsage(
    String identityId,
    String identityPoolId,
    Instant lastModifiedDate,
    int datasetCount,
    long dataStorage) {}
