package dev.cognitosyncmock.engine;

import java.time.Instant;

/** IdentityPoolUsage (SEMANTICS G7, D5); lastModifiedDate is null for a pool with no data. */
public record PoolUsage(
    String identityPoolId, long syncSessionsCount, long dataStorage, Instant lastModifiedDate) {}
