package dev.cognitosyncmock.engine;

import java.time.Instant;

/** What GetBulkPublishDetails reports (SEMANTICS G6); absent members are null. */
public record BulkPublishDetails(
    String identityPoolId,
    BulkPublishStatus status,
    Instant startTime,
    Instant completeTime,
    String failureMessage) {}
