package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dataset and record operations (SEMANTICS B, C, D, E): ListRecords, UpdateRecords,
 * DescribeDataset, DeleteDataset, ListDatasets, DescribeIdentityUsage. Each is documented where the
 * engine exposes it ({@link SyncEngine}); they reach the state only through {@link SyncState}.
 */
final class RecordSync {
  private static final Comparator<SyncRecord> BY_SYNC_COUNT_THEN_KEY =
      Comparator.comparingLong(SyncRecord::syncCount).thenComparing(SyncRecord::key);

  private final SyncState state;

  RecordSync(SyncState state) {
    this.state = state;
  }

  // ---------------------------------------------------------------- ListRecords

  RecordsPage listRecords(
      Caller caller, DatasetKey key, Long lastSyncCount, String nextToken, Integer maxResults) {
    long since = lastSyncCount == null ? 0 : lastSyncCount;
    if (since < 0) {
      throw ServiceException.invalidParameter(
          "LastSyncCount must be greater than or equal to 0, got: " + since);
    }
    int pageSize = PageToken.pageSize(maxResults);
    String scope = "records/" + key + "/" + since;
    List<String> after = nextToken == null ? null : PageToken.decode(nextToken, scope, 2);
    if (after != null) {
      PageToken.position(after.get(0));
    }
    return state.read(
        () -> {
          Pool pool = state.pool(key.identityPoolId());
          Instant now = state.clock.instant();
          return state.withIdentity(
              pool,
              key.identityId(),
              false,
              identity -> {
                Dataset dataset =
                    identity == null ? null : identity.datasets.get(key.datasetName());
                boolean exists = dataset != null && dataset.exists;
                if (exists && since > dataset.syncCount) {
                  // C8: the iOS client repairs itself on this message's prefix
                  throw ServiceException.invalidParameter(
                      "No such SyncCount: " + since + " exists for this Dataset");
                }
                SyncSessionToken session =
                    new SyncSessionToken(
                        state.ids.nextId(), key, now.plus(state.settings.tokenExpiry()));
                pool.syncSessionsCount.incrementAndGet();
                state.publish(new SyncSessionStarted(pool.id));
                boolean deletedAfter =
                    dataset != null && since > 0 && since <= dataset.deletionWatermark;
                List<String> merged =
                    identity == null ? List.of() : mergedNames(identity, key.datasetName());
                if (!exists) {
                  return new RecordsPage(
                      List.of(), null, 0, null, merged, false, deletedAfter, session.encode());
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
                  next =
                      new PageToken(scope, List.of(Long.toString(last.syncCount()), last.key()))
                          .encode();
                }
                return new RecordsPage(
                    List.copyOf(changed),
                    next,
                    dataset.syncCount,
                    dataset.lastModifiedBy,
                    merged,
                    true,
                    deletedAfter,
                    session.encode());
              });
        });
  }

  private static boolean isAfter(SyncRecord r, List<String> after) {
    if (after == null) {
      return true;
    }
    long afterCount = PageToken.position(after.get(0));
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

  List<SyncRecord> updateRecords(
      Caller caller,
      DatasetKey key,
      String deviceId,
      List<RecordPatch> patches,
      String syncSessionToken) {
    Objects.requireNonNull(patches, "patches");
    checkPatches(patches);
    return state.read(
        () -> {
          Instant now = state.clock.instant();
          SyncSessionToken token =
              SyncSessionToken.decode(syncSessionToken == null ? "" : syncSessionToken)
                  .orElseThrow(RecordSync::tokenNotValid);
          if (token.isForAnotherIdentityOfThePool(key)) {
            throw ServiceException.invalidParameter(
                "Mismatch between session identity id and request identity id"); // D3 [I9]
          }
          if (!token.isValidFor(key, now)) {
            throw tokenNotValid();
          }
          if (state.poolIfKnown(key.identityPoolId()) == null) {
            // a first write to a new pool: refuse what an empty pool would, before registering it
            checkWrite(new Identity(key.identityId()), null, key, patches);
          }
          Pool pool = state.pool(key.identityPoolId());
          if (patches.isEmpty()) {
            return List.of();
          }
          return state.withIdentity(
              pool,
              key.identityId(),
              true,
              identity -> write(pool, identity, key, caller, deviceId, patches, now, true));
        });
  }

  private static ServiceException tokenNotValid() {
    return ServiceException.invalidParameter("SyncSessionToken not valid for these inputs");
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
  List<SyncRecord> write(
      Pool pool,
      Identity identity,
      DatasetKey key,
      Caller caller,
      String deviceId,
      List<RecordPatch> patches,
      Instant now,
      boolean runSyncTrigger) {
    Dataset dataset = identity.datasets.get(key.datasetName());
    boolean creating = dataset == null || !dataset.exists;
    checkConflicts(dataset, creating, key, patches);
    SyncTriggerHandler trigger =
        runSyncTrigger ? state.syncTriggers.handlerFor(pool, caller) : null;
    if (trigger != null) {
      // G3: the conflict check above is on the client's patches; quotas apply to the final write
      patches =
          SyncTrigger.apply(
              trigger,
              state.settings.syncTriggerTimeout(),
              state.settings.region(),
              key,
              creating ? null : dataset,
              patches);
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
      SyncRecord record =
          new SyncRecord(
              p.key(),
              p.op() == PatchOp.REPLACE ? p.value() : null,
              syncCount,
              now,
              caller.principal(),
              p.deviceLastModifiedDate() == null ? now : p.deviceLastModifiedDate());
      dataset.put(record);
      written.add(record);
    }
    dataset.lastModifiedDate = now;
    dataset.lastModifiedBy = caller.principal();
    List<SyncRecord> result = List.copyOf(written);
    SideEffectEmitter.recordsWritten(
        state.sideEffects, pool, identity, key, deviceId, syncCount, result, now);
    state.publish(
        new DatasetChange(
            DatasetChange.Kind.RECORDS_WRITTEN, key, caller, deviceId, syncCount, result, now));
    return result;
  }

  /** What {@link #write} refuses before anything changes, without the SyncTrigger. */
  private void checkWrite(
      Identity identity, Dataset dataset, DatasetKey key, List<RecordPatch> patches) {
    boolean creating = dataset == null || !dataset.exists;
    checkConflicts(dataset, creating, key, patches);
    checkQuotas(identity, dataset, creating, patches);
  }

  private static void checkConflicts(
      Dataset dataset, boolean creating, DatasetKey key, List<RecordPatch> patches) {
    for (RecordPatch p : patches) {
      long current = creating ? 0 : dataset.currentSyncCountOf(p.key());
      if (p.syncCount() != current) {
        throw new ServiceException(
            ErrorShape.ResourceConflictException,
            "Current SyncCount for: " + p.key() + " is: " + current + " not: " + p.syncCount());
      }
    }
    if (dataset != null && dataset.syncCount == Long.MAX_VALUE) {
      throw new ServiceException(
          ErrorShape.LimitExceededException,
          "Dataset "
              + key.datasetName()
              + " has reached the highest sync count a dataset can have");
    }
  }

  private void checkQuotas(
      Identity identity, Dataset dataset, boolean creating, List<RecordPatch> patches) {
    Quotas quotas = state.settings.quotas();
    if (creating && identity.existingDatasetCount() >= quotas.datasetsPerIdentity()) {
      throw new ServiceException(
          ErrorShape.LimitExceededException,
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
      throw new ServiceException(
          ErrorShape.LimitExceededException,
          "Too many records: a dataset may hold at most "
              + quotas.recordsPerDataset()
              + ", this update would make "
              + live);
    }
    if (storage > quotas.bytesPerDataset()) {
      throw new ServiceException(
          ErrorShape.LimitExceededException,
          "Dataset too large: keys and values may total at most "
              + quotas.bytesPerDataset()
              + " bytes, this update would make "
              + storage);
    }
  }

  // ---------------------------------------------------------------- datasets

  DatasetInfo describeDataset(Caller caller, DatasetKey key) {
    return state.read(
        () -> {
          Pool pool = state.poolIfKnown(key.identityPoolId());
          return state.withIdentity(
              pool == null ? new Pool(key.identityPoolId(), null) : pool,
              key.identityId(),
              false,
              identity -> existing(identity, key).info(key.identityId()));
        });
  }

  DatasetInfo deleteDataset(Caller caller, DatasetKey key) {
    return state.read(
        () -> {
          Pool known = state.poolIfKnown(key.identityPoolId());
          Pool pool = known == null ? new Pool(key.identityPoolId(), null) : known;
          return state.withIdentity(
              pool,
              key.identityId(),
              false,
              identity -> {
                Dataset dataset = existing(identity, key);
                DatasetInfo before = dataset.info(key.identityId());
                dataset.delete();
                Instant now = state.clock.instant();
                SideEffectEmitter.datasetDeleted(
                    state.sideEffects, pool, key, dataset.syncCount, now);
                state.publish(
                    new DatasetChange(
                        DatasetChange.Kind.DATASET_DELETED,
                        key,
                        caller,
                        null,
                        dataset.syncCount,
                        List.of(),
                        now));
                return before;
              });
        });
  }

  static Dataset existing(Identity identity, DatasetKey key) {
    Dataset dataset = identity == null ? null : identity.datasets.get(key.datasetName());
    if (dataset == null || !dataset.exists) {
      throw ServiceException.notFound("Dataset not found: " + key.datasetName());
    }
    return dataset;
  }

  DatasetsPage listDatasets(Caller caller, IdentityKey key, String nextToken, Integer maxResults) {
    int pageSize = PageToken.pageSize(maxResults);
    String scope = "datasets/" + key.identityPoolId() + "/" + key.identityId();
    String after = nextToken == null ? null : PageToken.decode(nextToken, scope, 1).get(0);
    return state.read(
        () -> {
          Pool pool = state.pool(key.identityPoolId());
          return state.withIdentity(
              pool,
              key.identityId(),
              false,
              identity -> {
                List<DatasetInfo> page = new ArrayList<>();
                String next = null;
                if (identity != null) {
                  Map<String, Dataset> rest =
                      after == null ? identity.datasets : identity.datasets.tailMap(after, false);
                  for (Dataset d : rest.values()) {
                    if (!d.exists) {
                      continue;
                    }
                    if (page.size() == pageSize) {
                      next =
                          new PageToken(scope, List.of(page.get(pageSize - 1).datasetName()))
                              .encode();
                      break;
                    }
                    page.add(d.info(key.identityId()));
                  }
                }
                return new DatasetsPage(List.copyOf(page), next);
              });
        });
  }

  IdentityUsage describeIdentityUsage(Caller caller, IdentityKey key) {
    return state.read(
        () ->
            state.withIdentity(
                state.pool(key.identityPoolId()),
                key.identityId(),
                false,
                identity ->
                    identity == null
                        ? new IdentityUsage(key.identityId(), key.identityPoolId(), null, 0, 0)
                        : new IdentityUsage(
                            key.identityId(),
                            key.identityPoolId(),
                            identity.lastModifiedDate(),
                            identity.existingDatasetCount(),
                            identity.dataStorage())));
  }
}
