package dev.cognitosyncmock.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The Cognito Sync rules for datasets and records, with no HTTP in sight. Thread-safe: calls on
 * one identity are serialized by that identity's lock; whole-state operations (reset, import,
 * export) take the state lock exclusively. Rule ids refer to SEMANTICS.md.
 */
public final class SyncEngine {
  private static final Comparator<SyncRecord> BY_SYNC_COUNT_THEN_KEY =
      Comparator.comparingLong(SyncRecord::syncCount).thenComparing(SyncRecord::key);

  private final EngineSettings settings;
  private final Clock clock;
  private final IdSource ids;
  private final ConcurrentMap<String, Pool> pools = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final SideEffects sideEffects = new SideEffects();
  /** SyncTrigger handlers registered from Java, by identity pool id. */
  private final ConcurrentMap<String, SyncTriggerHandler> syncTriggerHandlers =
      new ConcurrentHashMap<>();
  /** Makes a handler from a pool's syncTriggerUrl; set by whoever can speak HTTP. */
  private volatile Function<String, SyncTriggerHandler> urlSyncTriggerHandlers = url -> null;

  public SyncEngine(EngineSettings settings, Clock clock, IdSource ids) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public SyncEngine() {
    this(EngineSettings.DEFAULT, Clock.systemUTC(), IdSource.random());
  }

  public EngineSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  public IdSource ids() {
    return ids;
  }

  public void addChangeListener(ChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeChangeListener(ChangeListener listener) {
    listeners.remove(listener);
  }

  // ---------------------------------------------------------------- ListRecords

  /**
   * ListRecords: records changed after {@code lastSyncCount} (null means 0), tombstones included,
   * ordered by SyncCount then key, and a fresh SyncSessionToken (B3, C6, C7, D1, D2, E1, E3).
   * A {@code syncSessionToken} passed back by a client (iOS does) is accepted and replaced.
   */
  public RecordsPage listRecords(Caller caller, DatasetKey key, Long lastSyncCount,
      String nextToken, Integer maxResults) {
    long since = lastSyncCount == null ? 0 : lastSyncCount;
    if (since < 0) {
      throw ServiceException.invalidParameter(
          "LastSyncCount must be greater than or equal to 0, got: " + since);
    }
    int pageSize = pageSize(maxResults);
    String scope = "records/" + key + "/" + since;
    List<String> after = nextToken == null ? null : PageToken.decode(nextToken, scope, 2);
    if (after != null) {
      parseLong(after.get(0));
    }
    return read(() -> {
      Pool pool = pool(key.identityPoolId());
      Instant now = clock.instant();
      SyncSessionToken session = new SyncSessionToken(ids.nextId(), key,
          now.plus(settings.tokenExpiry()));
      pool.syncSessionsCount.incrementAndGet();
      return withIdentity(pool, key.identityId(), false, identity -> {
        Dataset dataset = identity == null ? null : identity.datasets.get(key.datasetName());
        boolean deletedAfter = dataset != null && since > 0 && since <= dataset.deletionWatermark;
        List<String> merged = identity == null ? List.of() : mergedNames(identity, key.datasetName());
        if (dataset == null || !dataset.exists) {
          return new RecordsPage(List.of(), null, 0, null, merged, false, deletedAfter,
              session.encode());
        }
        List<SyncRecord> changed = new ArrayList<>();
        for (SyncRecord r : dataset.records.values()) {
          if (r.syncCount() > since && isAfter(r, after)) {
            changed.add(r);
          }
        }
        changed.sort(BY_SYNC_COUNT_THEN_KEY);
        String next = null;
        if (changed.size() > pageSize) {
          changed = new ArrayList<>(changed.subList(0, pageSize));
          SyncRecord last = changed.get(pageSize - 1);
          next = new PageToken(scope, List.of(Long.toString(last.syncCount()), last.key())).encode();
        }
        return new RecordsPage(List.copyOf(changed), next, dataset.syncCount,
            dataset.lastModifiedBy, merged, true, deletedAfter, session.encode());
      });
    });
  }

  private static boolean isAfter(SyncRecord r, List<String> after) {
    if (after == null) {
      return true;
    }
    long afterCount = parseLong(after.get(0));
    return r.syncCount() > afterCount
        || (r.syncCount() == afterCount && r.key().compareTo(after.get(1)) > 0);
  }

  private static List<String> mergedNames(Identity identity, String datasetName) {
    List<String> names = new ArrayList<>();
    for (Dataset d : identity.datasets.values()) {
      if (d.exists && datasetName.equals(d.mergedFrom)) {
        names.add(d.name);
      }
    }
    return names;
  }

  // ---------------------------------------------------------------- UpdateRecords

  /**
   * UpdateRecords: applies all patches or none (C1, C2, C3, C4, C5, B1, B7, D3, D4). The dataset
   * sync count rises by exactly one when anything is written, and every written record takes it.
   */
  public List<SyncRecord> updateRecords(Caller caller, DatasetKey key, String deviceId,
      List<RecordPatch> patches, String syncSessionToken) {
    Objects.requireNonNull(patches, "patches");
    checkPatches(patches);
    return read(() -> {
      Instant now = clock.instant();
      SyncSessionToken.decode(syncSessionToken == null ? "" : syncSessionToken)
          .filter(t -> t.isValidFor(key, now))
          .orElseThrow(() -> ServiceException.invalidParameter(
              "SyncSessionToken not valid for these inputs"));
      Pool pool = pool(key.identityPoolId());
      if (patches.isEmpty()) {
        return List.of();
      }
      return withIdentity(pool, key.identityId(), true,
          identity -> write(pool, identity, key, caller, deviceId, patches, now, true));
    });
  }

  private static void checkPatches(List<RecordPatch> patches) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < patches.size(); i++) {
      RecordPatch p = patches.get(i);
      if (!seen.add(p.key())) {
        throw ServiceException.invalidParameter(
            "RecordPatches." + (i + 1) + ".Key: duplicate key in one request: " + p.key());
      }
      if (p.op() == PatchOp.REPLACE && p.value() == null) {
        throw ServiceException.invalidParameter(
            "RecordPatches." + (i + 1) + ".Value: is required when Op is replace");
      }
      if (p.syncCount() < 0) {
        throw ServiceException.invalidParameter(
            "RecordPatches." + (i + 1) + ".SyncCount: must be greater than or equal to 0");
      }
    }
  }

  /** Checks everything first, then applies: a refused request writes nothing. */
  private List<SyncRecord> write(Pool pool, Identity identity, DatasetKey key, Caller caller,
      String deviceId, List<RecordPatch> patches, Instant now, boolean runSyncTrigger) {
    Dataset dataset = identity.datasets.get(key.datasetName());
    boolean creating = dataset == null || !dataset.exists;
    for (RecordPatch p : patches) {
      long current = creating ? 0 : dataset.currentSyncCountOf(p.key());
      if (p.syncCount() != current) {
        throw new ServiceException(ErrorShape.ResourceConflictException,
            "Current SyncCount for: " + p.key() + " is: " + current + " not: " + p.syncCount());
      }
    }
    SyncTriggerHandler trigger = runSyncTrigger ? syncTriggerFor(pool, caller) : null;
    if (trigger != null) {
      // G3: the conflict check above is on the client's patches; quotas apply to the final write
      patches = SyncTrigger.apply(trigger, settings.syncTriggerTimeout(), settings.region(), key,
          creating ? null : dataset, patches);
      if (patches.isEmpty()) {
        return List.of();
      }
    }
    checkQuotas(identity, dataset, creating, patches);

    if (dataset == null) {
      dataset = new Dataset(key.datasetName());
      identity.datasets.put(dataset.name, dataset);
    }
    if (creating) {
      dataset.exists = true;
      dataset.creationDate = now;
    }
    long syncCount = ++dataset.syncCount;
    List<SyncRecord> written = new ArrayList<>(patches.size());
    for (RecordPatch p : patches) {
      SyncRecord record = new SyncRecord(p.key(), p.op() == PatchOp.REPLACE ? p.value() : null,
          syncCount, now, caller.principal(),
          p.deviceLastModifiedDate() == null ? now : p.deviceLastModifiedDate());
      dataset.put(record);
      written.add(record);
    }
    dataset.lastModifiedDate = now;
    dataset.lastModifiedBy = caller.principal();
    List<SyncRecord> result = List.copyOf(written);
    SideEffectEmitter.recordsWritten(sideEffects, pool, identity, key, deviceId, syncCount,
        result, now);
    publish(new DatasetChange(DatasetChange.Kind.RECORDS_WRITTEN, key, caller, deviceId,
        syncCount, result, now));
    return result;
  }

  private void checkQuotas(Identity identity, Dataset dataset, boolean creating,
      List<RecordPatch> patches) {
    Quotas quotas = settings.quotas();
    if (creating && identity.existingDatasetCount() >= quotas.datasetsPerIdentity()) {
      throw new ServiceException(ErrorShape.LimitExceededException,
          "Too many datasets: an identity may have at most " + quotas.datasetsPerIdentity());
    }
    long storage = creating ? 0 : dataset.dataStorage;
    long live = creating ? 0 : dataset.liveRecords;
    for (RecordPatch p : patches) {
      SyncRecord old = creating ? null : dataset.records.get(p.key());
      if (old != null) {
        storage -= old.storageBytes();
        live -= old.isTombstone() ? 0 : 1;
      }
      if (p.op() == PatchOp.REPLACE) {
        storage += SyncRecord.utf8Length(p.key()) + SyncRecord.utf8Length(p.value());
        live += 1;
      }
    }
    if (live > quotas.recordsPerDataset()) {
      throw new ServiceException(ErrorShape.LimitExceededException,
          "Too many records: a dataset may hold at most " + quotas.recordsPerDataset()
              + ", this update would make " + live);
    }
    if (storage > quotas.bytesPerDataset()) {
      throw new ServiceException(ErrorShape.LimitExceededException,
          "Dataset too large: keys and values may total at most " + quotas.bytesPerDataset()
              + " bytes, this update would make " + storage);
    }
  }

  // ---------------------------------------------------------------- datasets

  /** DescribeDataset: 404 for a dataset that does not exist or was deleted (B2, B4). */
  public DatasetInfo describeDataset(Caller caller, DatasetKey key) {
    return read(() -> withIdentity(pool(key.identityPoolId()), key.identityId(), false,
        identity -> existing(identity, key).info(key.identityId())));
  }

  /** DeleteDataset: answers the metadata as it stood, then forgets the records (B2, B5, E1, E4). */
  public DatasetInfo deleteDataset(Caller caller, DatasetKey key) {
    return read(() -> withIdentity(pool(key.identityPoolId()), key.identityId(), false,
        identity -> {
          Dataset dataset = existing(identity, key);
          DatasetInfo before = dataset.info(key.identityId());
          dataset.delete();
          Instant now = clock.instant();
          SideEffectEmitter.datasetDeleted(sideEffects, pool(key.identityPoolId()), key,
              dataset.syncCount, now);
          publish(new DatasetChange(DatasetChange.Kind.DATASET_DELETED, key, caller, null,
              dataset.syncCount, List.of(), now));
          return before;
        }));
  }

  private static Dataset existing(Identity identity, DatasetKey key) {
    Dataset dataset = identity == null ? null : identity.datasets.get(key.datasetName());
    if (dataset == null || !dataset.exists) {
      throw ServiceException.notFound("Dataset not found: " + key.datasetName());
    }
    return dataset;
  }

  /** ListDatasets: existing datasets by name, paged (B5, B6, C7). */
  public DatasetsPage listDatasets(Caller caller, IdentityKey key, String nextToken,
      Integer maxResults) {
    int pageSize = pageSize(maxResults);
    String scope = "datasets/" + key.identityPoolId() + "/" + key.identityId();
    String after = nextToken == null ? null : PageToken.decode(nextToken, scope, 1).get(0);
    return read(() -> {
      Pool pool = pool(key.identityPoolId());
      return withIdentity(pool, key.identityId(), false, identity -> {
        List<DatasetInfo> page = new ArrayList<>();
        String next = null;
        if (identity != null) {
          Map<String, Dataset> rest = after == null
              ? identity.datasets : identity.datasets.tailMap(after, false);
          for (Dataset d : rest.values()) {
            if (!d.exists) {
              continue;
            }
            if (page.size() == pageSize) {
              next = new PageToken(scope, List.of(page.get(pageSize - 1).datasetName())).encode();
              break;
            }
            page.add(d.info(key.identityId()));
          }
        }
        return new DatasetsPage(List.copyOf(page), next);
      });
    });
  }

  /** DescribeIdentityUsage (G7): an identity with no data has zero usage. */
  public IdentityUsage describeIdentityUsage(Caller caller, IdentityKey key) {
    return read(() -> withIdentity(pool(key.identityPoolId()), key.identityId(), false,
        identity -> identity == null
            ? new IdentityUsage(key.identityId(), key.identityPoolId(), null, 0, 0)
            : new IdentityUsage(key.identityId(), key.identityPoolId(),
                identity.lastModifiedDate(), identity.existingDatasetCount(),
                identity.dataStorage())));
  }

  // ---------------------------------------------------------------- pool usage (G7, D5)

  /** DescribeIdentityPoolUsage: the pool's data and sessions; 404 only with strict pools. */
  public PoolUsage describeIdentityPoolUsage(Caller caller, String identityPoolId) {
    return read(() -> usageOf(pool(identityPoolId)));
  }

  /** ListIdentityPoolUsage: the known pools by id, paged with an opaque NextToken. */
  public PoolUsagePage listIdentityPoolUsage(Caller caller, String nextToken, Integer maxResults) {
    int pageSize = pageSize(maxResults);
    String scope = "identitypools";
    String after = nextToken == null ? null : PageToken.decode(nextToken, scope, 1).get(0);
    return read(() -> {
      List<Pool> sorted = new ArrayList<>(pools.values());
      sorted.sort(Comparator.comparing(p -> p.id));
      List<PoolUsage> page = new ArrayList<>();
      String next = null;
      for (Pool pool : sorted) {
        if (after != null && pool.id.compareTo(after) <= 0) {
          continue;
        }
        if (page.size() == pageSize) {
          next = new PageToken(scope, List.of(page.get(pageSize - 1).identityPoolId())).encode();
          break;
        }
        page.add(usageOf(pool));
      }
      return new PoolUsagePage(List.copyOf(page), next);
    });
  }

  private PoolUsage usageOf(Pool pool) {
    long storage = 0;
    Instant lastModified = null;
    for (Identity identity : pool.identities.values()) {
      identity.lock.lock();
      try {
        storage += identity.dataStorage();
        Instant l = identity.lastModifiedDate();
        if (l != null && (lastModified == null || l.isAfter(lastModified))) {
          lastModified = l;
        }
      } finally {
        identity.lock.unlock();
      }
    }
    return new PoolUsage(pool.id, pool.syncSessionsCount.get(), storage, lastModified);
  }

  // ---------------------------------------------------------------- configuration (G1)

  public PoolConfiguration getIdentityPoolConfiguration(Caller caller, String identityPoolId) {
    return read(() -> pool(identityPoolId).configuration());
  }

  /** Sets the sections given (null leaves a section as it is) and answers the result. */
  public PoolConfiguration setIdentityPoolConfiguration(Caller caller, String identityPoolId,
      PushSyncConfig pushSync, CognitoStreamsConfig cognitoStreams) {
    return read(() -> {
      Pool pool = pool(identityPoolId);
      synchronized (pool) {
        if (pushSync != null) {
          pool.pushSync = pushSync;
        }
        if (cognitoStreams != null) {
          pool.cognitoStreams = cognitoStreams;
        }
        return pool.configuration();
      }
    });
  }

  // ---------------------------------------------------------------- events (G2)

  public static final String SYNC_TRIGGER = "SyncTrigger";

  /** GetCognitoEvents: event type to Lambda ARN, empty when none. */
  public Map<String, String> getCognitoEvents(Caller caller, String identityPoolId) {
    return read(() -> pool(identityPoolId).events);
  }

  /** SetCognitoEvents: updates only the keys given; an empty or null value removes the key. */
  public void setCognitoEvents(Caller caller, String identityPoolId, Map<String, String> events) {
    for (String type : events.keySet()) {
      if (!SYNC_TRIGGER.equals(type)) {
        throw ServiceException.invalidParameter(
            "Unknown Cognito event type: " + type + "; the only one is " + SYNC_TRIGGER);
      }
    }
    read(() -> {
      Pool pool = pool(identityPoolId);
      synchronized (pool) {
        Map<String, String> updated = new java.util.TreeMap<>(pool.events);
        events.forEach((type, arn) -> {
          if (arn == null || arn.isEmpty()) {
            updated.remove(type);
          } else {
            updated.put(type, arn);
          }
        });
        pool.events = Map.copyOf(updated);
      }
      return null;
    });
  }

  /**
   * Stands {@code handler} in for the pool's SyncTrigger Lambda; null removes it. It runs only
   * while the pool's events name a SyncTrigger (SetCognitoEvents), as the Lambda would.
   */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    if (handler == null) {
      syncTriggerHandlers.remove(identityPoolId);
    } else {
      syncTriggerHandlers.put(identityPoolId, handler);
    }
  }

  /** How to call a pool's {@link PoolMockSettings#syncTriggerUrl()}; the engine has no HTTP. */
  public void setUrlSyncTriggerHandlers(Function<String, SyncTriggerHandler> factory) {
    this.urlSyncTriggerHandlers = Objects.requireNonNull(factory, "factory");
  }

  /** The handler to run for this write, or null: G3 plus the developer-caller setting. */
  private SyncTriggerHandler syncTriggerFor(Pool pool, Caller caller) {
    if (!pool.events.containsKey(SYNC_TRIGGER)) {
      return null;
    }
    if (caller.kind() == Caller.Kind.DEVELOPER && !settings.syncTriggerForDeveloperCallers()) {
      return null;
    }
    SyncTriggerHandler handler = syncTriggerHandlers.get(pool.id);
    if (handler != null) {
      return handler;
    }
    String url = pool.mockSettings.syncTriggerUrl();
    return url == null ? null : urlSyncTriggerHandlers.apply(url);
  }

  // ---------------------------------------------------------------- mock settings

  public PoolMockSettings poolMockSettings(String identityPoolId) {
    Pool pool = pools.get(identityPoolId);
    return pool == null ? PoolMockSettings.NONE : pool.mockSettings;
  }

  /** Pool id to its mock settings, for every pool that has some. */
  public Map<String, PoolMockSettings> allPoolMockSettings() {
    return read(() -> {
      Map<String, PoolMockSettings> out = new java.util.TreeMap<>();
      pools.values().forEach(p -> {
        if (!p.mockSettings.equals(PoolMockSettings.NONE)) {
          out.put(p.id, p.mockSettings);
        }
      });
      return out;
    });
  }

  public void setPoolMockSettings(String identityPoolId, PoolMockSettings mockSettings) {
    read(() -> {
      pool(identityPoolId).mockSettings = Objects.requireNonNull(mockSettings, "mockSettings");
      return null;
    });
  }

  // ---------------------------------------------------------------- devices (G4)

  /** RegisterDevice: the same identity, platform and token always get the same DeviceId. */
  public String registerDevice(Caller caller, IdentityKey key, String platform, String token) {
    return read(() -> {
      Pool pool = pool(key.identityPoolId());
      requirePushSync(pool);
      return withIdentity(pool, key.identityId(), true, identity -> {
        for (Device d : identity.devices.values()) {
          if (d.platform().equals(platform) && d.token().equals(token)) {
            return d.deviceId();
          }
        }
        Device device = new Device(ids.nextId(), platform, token);
        identity.devices.put(device.deviceId(), device);
        return device.deviceId();
      });
    });
  }

  /** SubscribeToDataset: needs a device of this identity and an existing dataset (404). */
  public void subscribeToDataset(Caller caller, DatasetKey key, String deviceId) {
    read(() -> {
      Pool pool = pool(key.identityPoolId());
      requirePushSync(pool);
      return withIdentity(pool, key.identityId(), false, identity -> {
        requireDevice(identity, deviceId);
        existing(identity, key);
        identity.subscriptions.computeIfAbsent(key.datasetName(),
            n -> new java.util.LinkedHashSet<>()).add(deviceId);
        return null;
      });
    });
  }

  /** UnsubscribeFromDataset: 404 when the device is unknown or not subscribed. */
  public void unsubscribeFromDataset(Caller caller, DatasetKey key, String deviceId) {
    read(() -> {
      Pool pool = pool(key.identityPoolId());
      requirePushSync(pool);
      return withIdentity(pool, key.identityId(), false, identity -> {
        requireDevice(identity, deviceId);
        Set<String> subscribed = identity.subscriptions.get(key.datasetName());
        if (subscribed == null || !subscribed.remove(deviceId)) {
          throw ServiceException.notFound("Device " + deviceId + " is not subscribed to dataset "
              + key.datasetName());
        }
        if (subscribed.isEmpty()) {
          identity.subscriptions.remove(key.datasetName());
        }
        return null;
      });
    });
  }

  /** The devices registered for one identity, in registration order. */
  public List<Device> devices(IdentityKey key) {
    return read(() -> withIdentity(pool(key.identityPoolId()), key.identityId(), false,
        identity -> identity == null ? List.<Device>of() : List.copyOf(identity.devices.values())));
  }

  private void requirePushSync(Pool pool) {
    PushSyncConfig push = pool.pushSync;
    if (settings.requirePushSyncForDevices() && (push == null || !push.enabled())) {
      throw new ServiceException(ErrorShape.InvalidConfigurationException,
          "Push sync is not configured for identity pool " + pool.id);
    }
  }

  private static void requireDevice(Identity identity, String deviceId) {
    if (identity == null || !identity.devices.containsKey(deviceId)) {
      throw ServiceException.notFound("Device not found: " + deviceId);
    }
  }

  // ---------------------------------------------------------------- bulk publish (G6)

  /** SEMANTICS G6 / [Q]: one successful bulk publish per 24 hours. */
  public static final java.time.Duration BULK_PUBLISH_INTERVAL = java.time.Duration.ofHours(24);

  /**
   * BulkPublish: puts every existing dataset on the pool's stream at once (the run then stays
   * IN_PROGRESS for {@code bulkPublishDuration}). With streaming not enabled the call succeeds
   * and the run is recorded FAILED with a FailureMessage: the API is asynchronous and
   * InvalidConfigurationException is not among BulkPublish's errors (G6, our choice).
   */
  public void bulkPublish(Caller caller, String identityPoolId) {
    read(() -> {
      Pool pool = pool(identityPoolId);
      synchronized (pool) {
        Instant now = clock.instant();
        if (pool.bulkPublish != null) {
          BulkPublishDetails last = pool.bulkPublish.details(pool.id, now);
          if (last.status() == BulkPublishStatus.IN_PROGRESS) {
            throw new ServiceException(ErrorShape.DuplicateRequestException,
                "A bulk publish is already in progress for identity pool " + pool.id);
          }
          if (last.status() == BulkPublishStatus.SUCCEEDED
              && now.isBefore(last.completeTime().plus(BULK_PUBLISH_INTERVAL))) {
            throw new ServiceException(ErrorShape.AlreadyStreamedException,
                "Identity pool " + pool.id + " was already bulk published within 24 hours, at "
                    + last.completeTime());
          }
        }
        CognitoStreamsConfig streams = pool.cognitoStreams;
        if (streams == null || !streams.enabled()) {
          pool.bulkPublish = new BulkPublishRun(now, null,
              "Cognito Streams is not enabled for identity pool " + pool.id
                  + ": set CognitoStreams with StreamingStatus ENABLED first");
          return null;
        }
        List<Identity> identities = new ArrayList<>(pool.identities.values());
        identities.sort(Comparator.comparing(i -> i.id));
        for (Identity identity : identities) {
          withIdentity(pool, identity.id, false, locked -> {
            if (locked == null) {
              return null;
            }
            for (Dataset d : locked.datasets.values()) {
              if (!d.exists) {
                continue;
              }
              List<SyncRecord> live = d.records.values().stream()
                  .filter(r -> !r.isTombstone()).toList();
              SideEffectEmitter.stream(sideEffects, pool,
                  new DatasetKey(pool.id, locked.id, d.name), "replace", d.syncCount, live,
                  d.lastModifiedDate == null ? now : d.lastModifiedDate);
            }
            return null;
          });
        }
        pool.bulkPublish = new BulkPublishRun(now, now.plus(settings.bulkPublishDuration()),
            null);
        return null;
      }
    });
  }

  public BulkPublishDetails getBulkPublishDetails(Caller caller, String identityPoolId) {
    return read(() -> {
      Pool pool = pool(identityPoolId);
      synchronized (pool) {
        return pool.bulkPublish == null ? BulkPublishRun.notStarted(pool.id)
            : pool.bulkPublish.details(pool.id, clock.instant());
      }
    });
  }

  // ---------------------------------------------------------------- side effects

  /** Push notifications and stream records captured so far (G4, G5). */
  public SideEffects sideEffects() {
    return sideEffects;
  }

  // ---------------------------------------------------------------- administration

  /** Registers a pool (needed before use when pools are strict). */
  public void createIdentityPool(String identityPoolId) {
    read(() -> pools.computeIfAbsent(identityPoolId, id -> new Pool(id, clock.instant())));
  }

  public boolean hasIdentityPool(String identityPoolId) {
    return pools.containsKey(identityPoolId);
  }

  /**
   * Merges {@code absorbed} into {@code survivor}, as Cognito Identity does when two logins are
   * linked: each dataset X of the absorbed identity lives on as {@code X.<absorbedId>} under the
   * survivor (E3, E5). Answers the new dataset names.
   */
  public List<String> mergeIdentities(String identityPoolId, String survivorId, String absorbedId) {
    if (survivorId.equals(absorbedId)) {
      throw ServiceException.invalidParameter("An identity cannot be merged into itself");
    }
    return read(() -> {
      Pool pool = pool(identityPoolId);
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
          moved.syncCount = d.syncCount;
          moved.exists = true;
          moved.mergedFrom = d.name;
          d.records.values().forEach(moved::put);
          survivor.datasets.put(moved.name, moved);
          names.add(moved.name);
        }
        pool.identities.remove(absorbedId);
        return names;
      } finally {
        second.lock.unlock();
        first.lock.unlock();
      }
    });
  }

  /**
   * Writes records outside any sync session, as one sync: for seeding state from tests. Keys
   * mapped to null are removed. Conflict checks and the SyncTrigger do not apply; quotas do, and
   * push notifications and stream records go out as for any write.
   */
  public List<SyncRecord> putRecords(Caller caller, DatasetKey key, Map<String, String> values) {
    return read(() -> withIdentity(pool(key.identityPoolId()), key.identityId(), true,
        identity -> {
          Pool pool = pool(key.identityPoolId());
          Dataset dataset = identity.datasets.get(key.datasetName());
          boolean exists = dataset != null && dataset.exists;
          List<RecordPatch> patches = new ArrayList<>();
          values.forEach((k, v) -> patches.add(new RecordPatch(
              v == null ? PatchOp.REMOVE : PatchOp.REPLACE, k, v,
              exists ? dataset.currentSyncCountOf(k) : 0, null)));
          return patches.isEmpty() ? List.of()
              : write(pool, identity, key, caller, null, patches, clock.instant(), false);
        }));
  }

  /** Forgets everything. */
  public void reset() {
    exclusive(() -> {
      pools.clear();
      sideEffects.clear();
      syncTriggerHandlers.clear();
      return null;
    });
  }

  public EngineSnapshot exportState() {
    return exclusive(() -> StateCodec.export(pools.values()));
  }

  /**
   * Exports the state and, while nothing can change it, runs {@code alsoWhileLocked}: a journal
   * rotates there so that the snapshot and the journal after it meet exactly.
   */
  public EngineSnapshot exportState(Runnable alsoWhileLocked) {
    return exclusive(() -> {
      EngineSnapshot snapshot = StateCodec.export(pools.values());
      alsoWhileLocked.run();
      return snapshot;
    });
  }

  /**
   * Applies a change recorded earlier by a {@link ChangeListener}, as it was committed: same sync
   * count, records and dates. Used to recover a persistent mock; no listener is told.
   */
  public void replay(DatasetChange change) {
    DatasetKey key = change.dataset();
    read(() -> {
      Pool pool = pools.computeIfAbsent(key.identityPoolId(), id -> new Pool(id, change.at()));
      return withIdentity(pool, key.identityId(), true, identity -> {
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
    });
  }

  /** Replaces the whole state with the document's; missing counts and dates are filled in. */
  public void importState(EngineSnapshot snapshot) {
    Map<String, Pool> imported = StateCodec.restore(snapshot, clock.instant(),
        Caller.DEFAULT_ACCOUNT_ID);
    exclusive(() -> {
      pools.clear();
      pools.putAll(imported);
      return null;
    });
  }

  // ---------------------------------------------------------------- plumbing

  /** The pool, registered on first use unless pools are strict. */
  Pool pool(String identityPoolId) {
    Pool pool = pools.get(identityPoolId);
    if (pool != null) {
      return pool;
    }
    if (settings.strictPools()) {
      throw ServiceException.notFound("IdentityPool not found: " + identityPoolId);
    }
    return pools.computeIfAbsent(identityPoolId, id -> new Pool(id, clock.instant()));
  }

  Iterable<Pool> pools() {
    return pools.values();
  }

  /** Runs fn holding the identity's lock; the identity is null when absent and not created. */
  <T> T withIdentity(Pool pool, String identityId, boolean create, Function<Identity, T> fn) {
    Identity identity = create
        ? pool.identities.computeIfAbsent(identityId, Identity::new)
        : pool.identities.get(identityId);
    if (identity == null) {
      return fn.apply(null);
    }
    identity.lock.lock();
    try {
      return fn.apply(identity);
    } finally {
      identity.lock.unlock();
    }
  }

  <T> T read(java.util.function.Supplier<T> action) {
    return locked(stateLock.readLock(), action);
  }

  private <T> T exclusive(java.util.function.Supplier<T> action) {
    return locked(stateLock.writeLock(), action);
  }

  private static <T> T locked(Lock lock, java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private void publish(DatasetChange change) {
    for (ChangeListener listener : listeners) {
      listener.onChange(change);
    }
  }

  private static int pageSize(Integer maxResults) {
    if (maxResults == null) {
      return Integer.MAX_VALUE; // C7: everything when the client sets no limit
    }
    if (maxResults < 1) {
      throw ServiceException.invalidParameter(
          "MaxResults must be greater than or equal to 1, got: " + maxResults);
    }
    return maxResults;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ServiceException.invalidParameter("Invalid NextToken");
    }
  }
}
