package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pool's DataStorage and LastModifiedDate (SEMANTICS G7), kept as its identities change so that
 * the usage operations read them without visiting every identity. Each identity's share is what
 * {@link Identity#dataStorage()} and {@link Identity#lastModifiedDate()} answer; the totals hold
 * the share last counted for it, in {@link Identity#countedStorage} and {@link
 * Identity#countedLastModified}, and replace it whenever the identity has changed.
 */
final class PoolTotals {
  private long dataStorage;

  /**
   * How many counted identities have each LastModifiedDate: a clock set back can make an identity's
   * date earlier, and identities leave, so the latest date must be found again, not only raised.
   */
  private final TreeMap<Instant, Integer> lastModifiedDates = new TreeMap<>();

  /**
   * Counts the identity's datasets as they are now, in place of its earlier share. The caller holds
   * the identity's lock; an identity already {@link #remove removed} from the pool stays uncounted.
   */
  void count(Identity identity) {
    long storage = identity.dataStorage();
    Instant lastModified = identity.lastModifiedDate();
    // the counted share only changes under the identity's lock, which the caller holds
    if (storage == identity.countedStorage
        && Objects.equals(lastModified, identity.countedLastModified)) {
      return;
    }
    synchronized (this) {
      if (identity.removedFromPool) {
        return;
      }
      dataStorage += storage - identity.countedStorage;
      forget(identity.countedLastModified);
      remember(lastModified);
      identity.countedStorage = storage;
      identity.countedLastModified = lastModified;
    }
  }

  /** Takes the identity's share out for good: it has left the pool (deleted or merged away). */
  synchronized void remove(Identity identity) {
    if (identity.removedFromPool) {
      return;
    }
    identity.removedFromPool = true;
    dataStorage -= identity.countedStorage;
    forget(identity.countedLastModified);
  }

  synchronized PoolUsage usage(String identityPoolId, long syncSessionsCount) {
    return new PoolUsage(
        identityPoolId,
        syncSessionsCount,
        dataStorage,
        lastModifiedDates.isEmpty() ? null : lastModifiedDates.lastKey());
  }

  private void remember(Instant date) {
    if (date != null) {
      lastModifiedDates.merge(date, 1, Integer::sum);
    }
  }

  private void forget(Instant date) {
    if (date != null) {
      lastModifiedDates.computeIfPresent(date, (d, n) -> n == 1 ? null : n - 1);
    }
  }
}
