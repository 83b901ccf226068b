package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One identity's datasets. Every read and write of them holds {@link #lock}: the per-identity quota
 * (20 datasets) and merges span datasets, so the identity is the unit of consistency.
 */
final class Identity {
  final String id;
  final ReentrantLock lock = new ReentrantLock();
  final TreeMap<String, Dataset> datasets = new TreeMap<>();

  /** Devices registered for push sync, by DeviceId (SEMANTICS G4). */
  final Map<String, Device> devices = new LinkedHashMap<>();

  /** Dataset name to the DeviceIds subscribed to it, in subscription order (SEMANTICS G4). */
  final Map<String, Set<String>> subscriptions = new TreeMap<>();

  /** This identity's share of its pool's totals when last counted; see {@link PoolTotals}. */
  long countedStorage;

  Instant countedLastModified;

  /** Set once the identity has left its pool; guarded by the pool's {@link PoolTotals}. */
  boolean removedFromPool;

  Identity(String id) {
    this.id = id;
  }

  int existingDatasetCount() {
    int n = 0;
    for (Dataset d : datasets.values()) {
      n += d.exists ? 1 : 0;
    }
    return n;
  }

  long dataStorage() {
    long n = 0;
    for (Dataset d : datasets.values()) {
      n += d.exists ? d.dataStorage : 0;
    }
    return n;
  }

  Instant lastModifiedDate() {
    Instant latest = null;
    for (Dataset d : datasets.values()) {
      if (d.lastModifiedDate != null && (latest == null || d.lastModifiedDate.isAfter(latest))) {
        latest = d.lastModifiedDate;
      }
    }
    return latest;
  }
}
