package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** One identity pool known to the mock, with its identities. */
final class Pool {
  final String id;
  final Instant creationDate;
  final ConcurrentMap<String, Identity> identities = new ConcurrentHashMap<>();
  /** Sync sessions issued by ListRecords (SEMANTICS D5). */
  final AtomicLong syncSessionsCount = new AtomicLong();

  Pool(String id, Instant creationDate) {
    this.id = id;
    this.creationDate = creationDate;
  }
}
