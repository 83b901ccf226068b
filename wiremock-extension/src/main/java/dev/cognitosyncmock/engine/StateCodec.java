package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.engine.EngineSnapshot.DatasetSnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.IdentitySnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.PoolSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns live state into an {@link EngineSnapshot} and back. Callers hold the state lock. */
final class StateCodec {
  private StateCodec() {}

  static EngineSnapshot export(Collection<Pool> pools) {
    List<PoolSnapshot> out = new ArrayList<>();
    pools.stream()
        .sorted((a, b) -> a.id.compareTo(b.id))
        .forEach(
            pool -> {
              List<IdentitySnapshot> identities = new ArrayList<>();
              // an identity with no datasets holds no state: a refused first write may leave one
              // behind
              // (removing it would race with a writer already holding it), so it is simply not
              // exported
              pool.identities.values().stream()
                  .sorted((a, b) -> a.id.compareTo(b.id))
                  .map(StateCodec::exportIdentity)
                  .filter(identity -> !identity.datasets().isEmpty())
                  .forEach(identities::add);
              BulkPublishRun bulkPublish;
              synchronized (pool) {
                bulkPublish = pool.bulkPublish;
              }
              out.add(
                  new PoolSnapshot(
                      pool.id,
                      pool.creationDate,
                      pool.syncSessionsCount.get(),
                      identities,
                      pool.pushSync,
                      pool.cognitoStreams,
                      pool.events.isEmpty() ? null : new TreeMap<>(pool.events),
                      pool.mockSettings.equals(PoolMockSettings.NONE) ? null : pool.mockSettings,
                      bulkPublish));
            });
    return new EngineSnapshot(out);
  }

  private static IdentitySnapshot exportIdentity(Identity identity) {
    identity.lock.lock();
    try {
      List<DatasetSnapshot> datasets = new ArrayList<>();
      for (Dataset d : identity.datasets.values()) {
        datasets.add(
            new DatasetSnapshot(
                d.name,
                d.creationDate,
                d.lastModifiedDate,
                d.lastModifiedBy,
                d.syncCount,
                d.deletionWatermark,
                d.exists,
                d.mergedFrom,
                List.copyOf(d.records.values())));
      }
      Map<String, List<String>> subscriptions = new TreeMap<>();
      identity.subscriptions.forEach((name, ids) -> subscriptions.put(name, List.copyOf(ids)));
      return new IdentitySnapshot(
          identity.id,
          datasets,
          identity.devices.isEmpty() ? null : List.copyOf(identity.devices.values()),
          subscriptions.isEmpty() ? null : subscriptions);
    } finally {
      identity.lock.unlock();
    }
  }

  static Map<String, Pool> restore(EngineSnapshot snapshot, Instant now, String defaultPrincipal) {
    Map<String, Pool> pools = new LinkedHashMap<>();
    for (PoolSnapshot ps : list(snapshot == null ? null : snapshot.identityPools())) {
      String poolId = required(ps.identityPoolId(), "identityPools[].identityPoolId");
      Pool pool = new Pool(poolId, date(orElse(ps.creationDate(), now), poolId, "creationDate"));
      pool.syncSessionsCount.set(
          count(orElse(ps.syncSessionsCount(), 0L), poolId, "syncSessionsCount"));
      pool.pushSync = ps.pushSync();
      pool.cognitoStreams = ps.cognitoStreams();
      pool.events = ps.events() == null ? Map.of() : Map.copyOf(ps.events());
      pool.mockSettings = orElse(ps.mockSettings(), PoolMockSettings.NONE);
      pool.bulkPublish = ps.bulkPublish();
      if (pool.bulkPublish != null) {
        date(pool.bulkPublish.startTime(), poolId, "bulkPublish.startTime");
        date(pool.bulkPublish.completeTime(), poolId, "bulkPublish.completeTime");
      }
      for (IdentitySnapshot is : list(ps.identities())) {
        Identity identity = new Identity(required(is.identityId(), "identities[].identityId"));
        for (DatasetSnapshot ds : list(is.datasets())) {
          identity.datasets.put(ds.datasetName(), restoreDataset(ds, now, defaultPrincipal));
        }
        for (Device device : list(is.devices())) {
          required(device.deviceId(), "devices[].deviceId");
          identity.devices.put(device.deviceId(), device);
        }
        if (is.subscriptions() != null) {
          is.subscriptions()
              .forEach(
                  (name, ids) -> {
                    for (String id : list(ids)) {
                      if (!identity.devices.containsKey(id)) {
                        throw ServiceException.invalidParameter(
                            "State document: identity "
                                + identity.id
                                + " subscribes unknown device "
                                + id
                                + " to "
                                + name);
                      }
                    }
                    identity.subscriptions.put(name, new LinkedHashSet<>(list(ids)));
                  });
        }
        pool.identities.put(identity.id, identity);
      }
      pool.identities.values().forEach(pool.totals::count); // the pool is not shared yet
      pools.put(poolId, pool);
    }
    return pools;
  }

  private static Dataset restoreDataset(DatasetSnapshot ds, Instant now, String defaultPrincipal) {
    Dataset d = new Dataset(required(ds.datasetName(), "datasets[].datasetName"));
    List<SyncRecord> records = list(ds.records());
    long highest = 0;
    for (SyncRecord r : records) {
      highest =
          Math.max(
              highest,
              r.syncCount() > 0 ? count(r.syncCount(), String.valueOf(r.key()), "syncCount") : 0);
    }
    d.syncCount = Math.max(count(orElse(ds.syncCount(), 0L), d.name, "syncCount"), highest);
    boolean anyUncounted = records.stream().anyMatch(r -> r.syncCount() <= 0);
    if (anyUncounted && d.syncCount == 0) {
      d.syncCount = 1; // a seeded dataset counts as written once
    }
    d.deletionWatermark = count(orElse(ds.deletionWatermark(), 0L), d.name, "deletionWatermark");
    d.exists = orElse(ds.exists(), Boolean.TRUE);
    d.mergedFrom = ds.mergedFrom();
    d.creationDate = date(orElse(ds.creationDate(), now), d.name, "creationDate");
    d.lastModifiedDate =
        date(orElse(ds.lastModifiedDate(), d.creationDate), d.name, "lastModifiedDate");
    d.lastModifiedBy = orElse(ds.lastModifiedBy(), defaultPrincipal);
    for (SyncRecord r : records) {
      d.put(
          new SyncRecord(
              required(r.key(), "records[].key"),
              r.value(),
              r.syncCount() > 0 ? r.syncCount() : d.syncCount,
              date(orElse(r.lastModifiedDate(), d.lastModifiedDate), r.key(), "lastModifiedDate"),
              orElse(r.lastModifiedBy(), d.lastModifiedBy),
              date(
                  orElse(r.deviceLastModifiedDate(), d.lastModifiedDate),
                  r.key(),
                  "deviceLastModifiedDate")));
    }
    if (!d.exists && !d.records.isEmpty()) {
      throw ServiceException.invalidParameter(
          "Dataset " + d.name + " is marked deleted but has records");
    }
    return d;
  }

  /** Only what the engine can serve back: a date it cannot print would fail every later read. */
  private static Instant date(Instant value, String owner, String member) {
    if (value != null && !TimestampRange.contains(value)) {
      throw outOfRange(member, owner, value, TimestampRange.rule());
    }
    return value;
  }

  private static long count(long value, String owner, String member) {
    if (value < 0 || value == Long.MAX_VALUE) {
      throw outOfRange(member, owner, value, "be between 0 and " + (Long.MAX_VALUE - 1));
    }
    return value;
  }

  private static ServiceException outOfRange(
      String member, String owner, Object value, String rule) {
    return ServiceException.invalidParameter(
        "State document: " + member + " of " + owner + " is " + value + "; it must " + rule);
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static String required(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw ServiceException.invalidParameter("State document: " + what + " is required");
    }
    return Objects.requireNonNull(value);
  }
}
