package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One identity pool known to the mock, with its identities. The pool-level fields hold immutable
 * values and are replaced whole, so the write path can read them without a lock; changes to them
 * are made holding the pool's monitor.
 */
final class Pool {
  final String id;
  final Instant creationDate;
  final ConcurrentMap<String, Identity> identities = new ConcurrentHashMap<>();

  /** DataStorage and LastModifiedDate over the identities (SEMANTICS G7). */
  final PoolTotals totals = new PoolTotals();

  /** Sync sessions issued by ListRecords (SEMANTICS D5). */
  final AtomicLong syncSessionsCount = new AtomicLong();

  /** SEMANTICS G1; null until configured. */
  volatile PushSyncConfig pushSync;

  volatile CognitoStreamsConfig cognitoStreams;

  /** SEMANTICS G2: event type to Lambda ARN. */
  volatile Map<String, String> events = Map.of();

  volatile PoolMockSettings mockSettings = PoolMockSettings.NONE;

  /** SEMANTICS G6; null before the first run. Guarded by the pool's monitor. */
  BulkPublishRun bulkPublish;

  Pool(String id, Instant creationDate) {
    this.id = id;
    this.creationDate = creationDate;
  }

  PoolConfiguration configuration() {
    return new PoolConfiguration(id, pushSync, cognitoStreams);
  }
}
