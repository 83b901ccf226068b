package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.SharedState;
import dev.cognitosyncmock.state.StateChange;
import dev.cognitosyncmock.state.StateListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Cognito Sync rules, with no HTTP in sight: the engine's public face. The work is done by
 * {@link RecordSync} (datasets and records) and {@link PoolAdministration} (pool-level operations),
 * both over {@link SyncState}, which owns the pools and their locking. Thread-safe: calls on one
 * identity are serialized by that identity's lock; whole-state operations (reset, import, export)
 * take the state lock exclusively. Every committed change is published on the {@link SharedState}
 * as a {@link StateChange}. Rule ids refer to SEMANTICS.md.
 */
public final class SyncEngine {
  private final SyncState state;
  private final RecordSync records;
  private final PoolAdministration pools;
  private final Map<ChangeListener, StateListener> datasetListeners = new ConcurrentHashMap<>();

  public SyncEngine(EngineSettings settings, Clock clock, IdSource ids) {
    this(settings, clock, ids, new SharedState());
  }

  /** An engine whose state lock and change events are {@code shared} with other services'. */
  public SyncEngine(EngineSettings settings, Clock clock, IdSource ids, SharedState shared) {
    this.state =
        new SyncState(
            Objects.requireNonNull(settings, "settings"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(ids, "ids"),
            Objects.requireNonNull(shared, "shared"));
    this.records = new RecordSync(state);
    this.pools = new PoolAdministration(state);
  }

  public SyncEngine() {
    this(EngineSettings.DEFAULT, Clock.systemUTC(), IdSource.random());
  }

  public EngineSettings settings() {
    return state.settings;
  }

  public Clock clock() {
    return state.clock;
  }

  public IdSource ids() {
    return state.ids;
  }

  /** The state lock and change events (every {@link StateChange}), shared with other services. */
  public SharedState state() {
    return state.shared;
  }

  /** Follows the dataset changes only (a {@link StateListener} on {@link #state()} sees all). */
  public void addChangeListener(ChangeListener listener) {
    Objects.requireNonNull(listener, "listener");
    StateListener follower =
        change -> {
          if (change instanceof DatasetChange d) {
            listener.onChange(d);
          }
        };
    datasetListeners.put(listener, follower);
    state.shared.addListener(follower);
  }

  public void removeChangeListener(ChangeListener listener) {
    StateListener follower = datasetListeners.remove(listener);
    if (follower != null) {
      state.shared.removeListener(follower);
    }
  }

  // ---------------------------------------------------------------- operations (see RecordSync,
  // PoolAdministration)

  public static final String SYNC_TRIGGER = "SyncTrigger";

  /** SEMANTICS G6 / [Q]: one successful bulk publish per 24 hours. */
  public static final java.time.Duration BULK_PUBLISH_INTERVAL = java.time.Duration.ofHours(24);

  /**
   * ListRecords: records changed after {@code lastSyncCount} (null means 0), tombstones included,
   * ordered by SyncCount then key, and a fresh SyncSessionToken (B3, C6, C7, D1, D2, E1, E3); a
   * count the existing dataset never reached is refused (C8). A {@code syncSessionToken} passed
   * back by a client (iOS does) is accepted and replaced.
   */
  public RecordsPage listRecords(
      Caller caller, DatasetKey key, Long lastSyncCount, String nextToken, Integer maxResults) {
    return records.listRecords(caller, key, lastSyncCount, nextToken, maxResults);
  }

  /**
   * UpdateRecords: applies all patches or none (C1, C2, C3, C4, C5, B1, B7, D3, D4). The dataset
   * sync count rises by exactly one when anything is written, and every written record takes it.
   */
  public List<SyncRecord> updateRecords(
      Caller caller,
      DatasetKey key,
      String deviceId,
      List<RecordPatch> patches,
      String syncSessionToken) {
    return records.updateRecords(caller, key, deviceId, patches, syncSessionToken);
  }

  /** DescribeDataset: 404 for a dataset that does not exist or was deleted (B2, B4). */
  public DatasetInfo describeDataset(Caller caller, DatasetKey key) {
    return records.describeDataset(caller, key);
  }

  /** DeleteDataset: answers the metadata as it stood, then forgets the records (B2, B5, E1, E4). */
  public DatasetInfo deleteDataset(Caller caller, DatasetKey key) {
    return records.deleteDataset(caller, key);
  }

  /** ListDatasets: existing datasets by name, paged (B5, B6, C7). */
  public DatasetsPage listDatasets(
      Caller caller, IdentityKey key, String nextToken, Integer maxResults) {
    return records.listDatasets(caller, key, nextToken, maxResults);
  }

  /** DescribeIdentityUsage (G7): an identity with no data has zero usage. */
  public IdentityUsage describeIdentityUsage(Caller caller, IdentityKey key) {
    return records.describeIdentityUsage(caller, key);
  }

  /** DescribeIdentityPoolUsage: the pool's data and sessions; 404 only with strict pools. */
  public PoolUsage describeIdentityPoolUsage(Caller caller, String identityPoolId) {
    return pools.describeIdentityPoolUsage(caller, identityPoolId);
  }

  /** ListIdentityPoolUsage: the known pools by id, paged with an opaque NextToken. */
  public PoolUsagePage listIdentityPoolUsage(Caller caller, String nextToken, Integer maxResults) {
    return pools.listIdentityPoolUsage(caller, nextToken, maxResults);
  }

  public PoolConfiguration getIdentityPoolConfiguration(Caller caller, String identityPoolId) {
    return pools.getIdentityPoolConfiguration(caller, identityPoolId);
  }

  /**
   * Sets the sections given (null leaves a section as it is; an empty one removes it, G1) and
   * answers the result. A caller's section never carries a DisabledReason: only the service sets
   * one (G5).
   */
  public PoolConfiguration setIdentityPoolConfiguration(
      Caller caller,
      String identityPoolId,
      PushSyncConfig pushSync,
      CognitoStreamsConfig cognitoStreams) {
    return pools.setIdentityPoolConfiguration(caller, identityPoolId, pushSync, cognitoStreams);
  }

  /**
   * Tells the mock that the pool's Kinesis stream or its role is gone: streaming turns off with
   * {@code reason} (or a default naming the stream and role) as the DisabledReason that
   * GetIdentityPoolConfiguration then returns (SEMANTICS G5, A9). Refused unless streaming is on.
   */
  public PoolConfiguration streamLost(String identityPoolId, String reason) {
    return pools.streamLost(identityPoolId, reason);
  }

  /** GetCognitoEvents: event type to Lambda ARN, empty when none. */
  public Map<String, String> getCognitoEvents(Caller caller, String identityPoolId) {
    return pools.getCognitoEvents(caller, identityPoolId);
  }

  /** SetCognitoEvents: updates only the keys given; an empty or null value removes the key. */
  public void setCognitoEvents(Caller caller, String identityPoolId, Map<String, String> events) {
    pools.setCognitoEvents(caller, identityPoolId, events);
  }

  /**
   * Stands {@code handler} in for the pool's SyncTrigger Lambda; null removes it. It runs only
   * while the pool's events name a SyncTrigger (SetCognitoEvents), as the Lambda would.
   */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    state.syncTriggers.set(identityPoolId, handler);
  }

  /** How to call a pool's {@link PoolMockSettings#syncTriggerUrl()}; the engine has no HTTP. */
  public void setUrlSyncTriggerHandlers(Function<String, SyncTriggerHandler> factory) {
    state.syncTriggers.setUrlHandlers(factory);
  }

  public PoolMockSettings poolMockSettings(String identityPoolId) {
    return pools.poolMockSettings(identityPoolId);
  }

  /** Pool id to its mock settings, for every pool that has some. */
  public Map<String, PoolMockSettings> allPoolMockSettings() {
    return pools.allPoolMockSettings();
  }

  public void setPoolMockSettings(String identityPoolId, PoolMockSettings mockSettings) {
    pools.setPoolMockSettings(identityPoolId, mockSettings);
  }

  /** RegisterDevice: the same identity, platform and token always get the same DeviceId. */
  public String registerDevice(Caller caller, IdentityKey key, String platform, String token) {
    return pools.registerDevice(caller, key, platform, token);
  }

  /** SubscribeToDataset: needs a device of this identity and an existing dataset (404). */
  public void subscribeToDataset(Caller caller, DatasetKey key, String deviceId) {
    pools.subscribeToDataset(caller, key, deviceId);
  }

  /** UnsubscribeFromDataset: 404 when the device is unknown or not subscribed. */
  public void unsubscribeFromDataset(Caller caller, DatasetKey key, String deviceId) {
    pools.unsubscribeFromDataset(caller, key, deviceId);
  }

  /** The devices registered for one identity, in registration order. */
  public List<Device> devices(IdentityKey key) {
    return pools.devices(key);
  }

  /**
   * BulkPublish: puts every existing dataset on the pool's stream at once (the run then stays
   * IN_PROGRESS for {@code bulkPublishDuration}). With streaming not enabled the call succeeds and
   * the run is recorded FAILED with a FailureMessage: the API is asynchronous and
   * InvalidConfigurationException is not among BulkPublish's errors (G6, our choice).
   */
  public void bulkPublish(Caller caller, String identityPoolId) {
    pools.bulkPublish(caller, identityPoolId);
  }

  public BulkPublishDetails getBulkPublishDetails(Caller caller, String identityPoolId) {
    return pools.getBulkPublishDetails(caller, identityPoolId);
  }

  // ---------------------------------------------------------------- side effects

  /** Push notifications and stream records captured so far (G4, G5). */
  public SideEffects sideEffects() {
    return state.sideEffects;
  }

  // ---------------------------------------------------------------- administration

  /** Registers a pool (needed before use when pools are strict). */
  public void createIdentityPool(String identityPoolId) {
    state.read(() -> state.register(identityPoolId));
  }

  public boolean hasIdentityPool(String identityPoolId) {
    return state.knownPool(identityPoolId) != null;
  }

  /**
   * Merges {@code absorbed} into {@code survivor}, as Cognito Identity does when two logins are
   * linked: each dataset X of the absorbed identity lives on as {@code X.<absorbedId>} under the
   * survivor (E3, E5), starting over at DatasetSyncCount 1 with its live records (E6). Answers the
   * new dataset names.
   */
  public List<String> mergeIdentities(String identityPoolId, String survivorId, String absorbedId) {
    if (survivorId.equals(absorbedId)) {
      throw ServiceException.invalidParameter("An identity cannot be merged into itself");
    }
    return state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          Identity absorbed = pool.identities.get(absorbedId);
          if (absorbed == null) {
            throw ServiceException.notFound("Identity not found: " + absorbedId);
          }
          Identity survivor = pool.identities.computeIfAbsent(survivorId, Identity::new);
          // lock in id order so two opposite merges cannot deadlock
          Identity first = survivorId.compareTo(absorbedId) < 0 ? survivor : absorbed;
          Identity second = first == survivor ? absorbed : survivor;
          first.lock.lock();
          second.lock.lock();
          try {
            List<String> names = new ArrayList<>();
            for (Dataset d : absorbed.datasets.values()) {
              if (!d.exists) {
                continue;
              }
              Dataset moved = new Dataset(d.name + "." + absorbedId);
              moved.creationDate = d.creationDate;
              moved.lastModifiedDate = d.lastModifiedDate;
              moved.lastModifiedBy = d.lastModifiedBy;
              // E6: the merged dataset starts over at count 1, its live records with it (C1)
              moved.syncCount = 1;
              moved.exists = true;
              moved.mergedFrom = d.name;
              for (SyncRecord r : d.records.values()) {
                if (!r.isTombstone()) {
                  moved.put(
                      new SyncRecord(
                          r.key(),
                          r.value(),
                          1,
                          r.lastModifiedDate(),
                          r.lastModifiedBy(),
                          r.deviceLastModifiedDate()));
                }
              }
              survivor.datasets.put(moved.name, moved);
              names.add(moved.name);
            }
            // not a newer identity of that id that a writer created after a deletion
            pool.identities.remove(absorbedId, absorbed);
            pool.totals.remove(absorbed);
            pool.totals.count(survivor);
            state.publish(new PoolChanged(identityPoolId));
            return names;
          } finally {
            second.lock.unlock();
            first.lock.unlock();
          }
        });
  }

  /** Forgets a pool and all its data (Cognito Identity's DeleteIdentityPool, IDENTITY.md H15). */
  public void deleteIdentityPool(String identityPoolId) {
    state.read(
        () -> {
          if (state.poolsById().remove(identityPoolId) != null) {
            state.publish(new PoolChanged(identityPoolId));
          }
          return null;
        });
  }

  /** Forgets one identity's datasets, records and devices (DeleteIdentities, IDENTITY.md H32). */
  public void deleteIdentity(String identityPoolId, String identityId) {
    state.read(
        () -> {
          Pool pool = state.knownPool(identityPoolId);
          Identity removed = pool == null ? null : pool.identities.remove(identityId);
          if (removed != null) {
            pool.totals.remove(removed);
            state.publish(new PoolChanged(identityPoolId));
          }
          return null;
        });
  }

  /** Whether the identity has any Sync state (datasets, devices) in the pool. */
  public boolean hasIdentity(String identityPoolId, String identityId) {
    Pool pool = state.knownPool(identityPoolId);
    return pool != null && pool.identities.containsKey(identityId);
  }

  /**
   * Writes records outside any sync session, as one sync: for seeding state from tests. Keys mapped
   * to null are removed. Conflict checks and the SyncTrigger do not apply; quotas do, and push
   * notifications and stream records go out as for any write.
   */
  public List<SyncRecord> putRecords(Caller caller, DatasetKey key, Map<String, String> values) {
    return state.read(
        () ->
            state.withIdentity(
                state.pool(key.identityPoolId()),
                key.identityId(),
                true,
                identity -> {
                  Pool pool = state.pool(key.identityPoolId());
                  Dataset dataset = identity.datasets.get(key.datasetName());
                  boolean exists = dataset != null && dataset.exists;
                  List<RecordPatch> patches = new ArrayList<>();
                  values.forEach(
                      (k, v) ->
                          patches.add(
                              new RecordPatch(
                                  v == null ? PatchOp.REMOVE : PatchOp.REPLACE,
                                  k,
                                  v,
                                  exists ? dataset.currentSyncCountOf(k) : 0,
                                  null)));
                  return patches.isEmpty()
                      ? List.of()
                      : records.write(
                          pool, identity, key, caller, null, patches, state.clock.instant(), false);
                }));
  }

  /** Forgets everything. */
  public void reset() {
    state.exclusive(
        () -> {
          state.poolsById().clear();
          state.sideEffects.clear();
          state.syncTriggers.clear();
          state.publish(new StateReplaced());
          return null;
        });
  }

  public EngineSnapshot exportState() {
    return state.exclusive(() -> StateCodec.export(state.pools()));
  }

  /**
   * Exports the state and, while nothing can change it, runs {@code alsoWhileLocked}: a journal
   * rotates there so that the snapshot and the journal after it meet exactly.
   */
  public EngineSnapshot exportState(Runnable alsoWhileLocked) {
    return state.exclusive(
        () -> {
          EngineSnapshot snapshot = StateCodec.export(state.pools());
          alsoWhileLocked.run();
          return snapshot;
        });
  }

  /**
   * Applies a change recorded earlier by a {@link StateListener}, as it was committed: same sync
   * count, records and dates. Used to recover a persistent mock; no listener is told. Only the
   * changes a journal keeps line by line apply: dataset changes, pool registrations and sync
   * sessions.
   */
  public void replay(StateChange change) {
    state.read(
        () -> {
          if (change instanceof DatasetChange d) {
            replayDataset(d);
          } else if (change instanceof PoolRegistered r) {
            state
                .poolsById()
                .putIfAbsent(r.identityPoolId(), new Pool(r.identityPoolId(), r.creationDate()));
          } else if (change instanceof SyncSessionStarted s) {
            replayPool(s.identityPoolId(), state.clock.instant())
                .syncSessionsCount
                .incrementAndGet();
          } else {
            throw new IllegalArgumentException("Not a replayable change: " + change);
          }
          return null;
        });
  }

  private Pool replayPool(String identityPoolId, java.time.Instant at) {
    return state.poolsById().computeIfAbsent(identityPoolId, id -> new Pool(id, at));
  }

  private void replayDataset(DatasetChange change) {
    DatasetKey key = change.dataset();
    Pool pool = replayPool(key.identityPoolId(), change.at());
    state.withIdentity(
        pool,
        key.identityId(),
        true,
        identity -> {
          Dataset dataset = identity.datasets.computeIfAbsent(key.datasetName(), Dataset::new);
          if (change.kind() == DatasetChange.Kind.DATASET_DELETED) {
            dataset.syncCount = Math.max(dataset.syncCount, change.syncCount());
            dataset.delete();
            return null;
          }
          if (!dataset.exists) {
            dataset.exists = true;
            dataset.creationDate = change.at();
          }
          dataset.syncCount = Math.max(dataset.syncCount, change.syncCount());
          change.written().forEach(dataset::put);
          dataset.lastModifiedDate = change.at();
          dataset.lastModifiedBy = change.caller().principal();
          return null;
        });
  }

  /** Replaces the whole state with the document's; missing counts and dates are filled in. */
  public void importState(EngineSnapshot snapshot) {
    Map<String, Pool> imported =
        StateCodec.restore(snapshot, state.clock.instant(), Caller.DEFAULT_ACCOUNT_ID);
    state.exclusive(
        () -> {
          state.poolsById().clear();
          state.poolsById().putAll(imported);
          state.publish(new StateReplaced());
          return null;
        });
  }
}
