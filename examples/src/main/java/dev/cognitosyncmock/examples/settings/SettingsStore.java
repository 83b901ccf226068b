package dev.cognitosyncmock.examples.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/**
 * One user's settings on one device, kept in a Cognito Sync dataset and synchronised the way the
 * AWS mobile clients do it (docs/SEMANTICS.md F1, F2):
 *
 * <ol>
 *   <li>ListRecords since the dataset sync count this device last caught up to, every page;
 *   <li>apply the other devices' changes; a setting changed here too is a conflict, settled by a
 *       {@link ConflictResolver};
 *   <li>UpdateRecords with this device's changes and the session token from step 1, each patch
 *       carrying the SyncCount the server last gave that setting;
 *   <li>on 409 ResourceConflictException (another device wrote in between) start again from step 1,
 *       at most {@value #MAX_RETRIES} times.
 * </ol>
 *
 * Local state lives in memory; a real application would keep it on disk. Not thread-safe: one store
 * per device and user, used from one thread.
 */
public final class SettingsStore {
  public static final String DEFAULT_DATASET = "settings";

  /** Android's and the JavaScript client's budget (SEMANTICS F2). */
  public static final int MAX_RETRIES = 3;

  /** ListRecords page size the mobile clients ask for (SEMANTICS C7). */
  static final int PAGE_SIZE = 1024;

  private final CognitoSyncClient cognitoSync;
  private final String identityPoolId;
  private final String identityId;
  private final String datasetName;
  private final ConflictResolver resolver;
  private final Clock clock;

  /**
   * Settings by key. A removed setting stays with a null value: its SyncCount is what a later write
   * of the same key must send.
   */
  private final Map<String, Setting> settings = new TreeMap<>();

  /** The dataset sync count this device has caught up to; 0 before the first sync. */
  private long lastSyncCount;

  private static final class Setting {
    String value; // null: removed
    long syncCount; // the server's SyncCount for this key when we last saw it; 0: never
    boolean modified; // changed here since the last sync
    Instant modifiedAt;
  }

  public SettingsStore(CognitoSyncClient cognitoSync, String identityPoolId, String identityId) {
    this(
        cognitoSync,
        identityPoolId,
        identityId,
        DEFAULT_DATASET,
        ConflictResolver.remoteWins(),
        Clock.systemUTC());
  }

  public SettingsStore(
      CognitoSyncClient cognitoSync,
      String identityPoolId,
      String identityId,
      String datasetName,
      ConflictResolver resolver,
      Clock clock) {
    this.cognitoSync = Objects.requireNonNull(cognitoSync);
    this.identityPoolId = Objects.requireNonNull(identityPoolId);
    this.identityId = Objects.requireNonNull(identityId);
    this.datasetName = Objects.requireNonNull(datasetName);
    this.resolver = Objects.requireNonNull(resolver);
    this.clock = Objects.requireNonNull(clock);
  }

  // ------------------------------------------------------------------ local reads and writes

  public Optional<String> get(String key) {
    Setting s = settings.get(key);
    return s == null ? Optional.empty() : Optional.ofNullable(s.value);
  }

  /** Every setting that has a value, sorted by key. */
  public Map<String, String> asMap() {
    Map<String, String> map = new TreeMap<>();
    settings.forEach(
        (k, s) -> {
          if (s.value != null) {
            map.put(k, s.value);
          }
        });
    return Collections.unmodifiableMap(map);
  }

  public void put(String key, String value) {
    change(key, Objects.requireNonNull(value, "use remove(key) to remove a setting"));
  }

  public void remove(String key) {
    change(key, null);
  }

  private void change(String key, String value) {
    Setting s = settings.computeIfAbsent(key, k -> new Setting());
    s.value = value;
    s.modified = true;
    s.modifiedAt = clock.instant();
  }

  public boolean hasLocalChanges() {
    return settings.values().stream().anyMatch(s -> s.modified);
  }

  public long lastSyncCount() {
    return lastSyncCount;
  }

  // ------------------------------------------------------------------ sync

  /**
   * Brings this device and the server to the same settings.
   *
   * @throws SyncFailedException when every one of the {@value #MAX_RETRIES} retries met a
   *     concurrent write
   * @throws software.amazon.awssdk.services.cognitosync.model.CognitoSyncException for any other
   *     service error, after the SDK's own retries (throttling, 5xx) gave up
   */
  public SyncResult sync() {
    int pulled = 0;
    int conflicts = 0;
    for (int retries = 0; ; retries++) {
      // 1. what changed on the server since we last caught up
      Listing listing = listSince(lastSyncCount);
      if (listing.deletedRemotely(lastSyncCount)) {
        // E2: another device deleted the dataset. Forget what we had synced, keep our own edits
        // and start again from 0.
        forgetSyncedSettings();
        listing = listSince(0);
      }

      // 2. apply them; a setting also changed here is a conflict
      for (Record remote : listing.records) {
        Setting local = settings.computeIfAbsent(remote.key(), k -> new Setting());
        if (local.modified && !Objects.equals(local.value, remote.value())) {
          conflicts++;
          local.value = resolver.resolve(remote.key(), local.value, remote.value());
          local.modified = !Objects.equals(local.value, remote.value());
        } else {
          if (!Objects.equals(local.value, remote.value())) {
            pulled++;
          }
          local.value = remote.value(); // null for a removed record (a tombstone)
          local.modified = false;
        }
        local.syncCount = remote.syncCount();
      }
      lastSyncCount = listing.datasetSyncCount;

      // 3. push our changes with the session token
      List<RecordPatch> patches = localChanges();
      if (patches.isEmpty()) {
        return new SyncResult(pulled, 0, conflicts, retries, lastSyncCount);
      }
      String sessionToken = listing.sessionToken;
      try {
        UpdateRecordsResponse written =
            cognitoSync.updateRecords(
                r ->
                    r.identityPoolId(identityPoolId)
                        .identityId(identityId)
                        .datasetName(datasetName)
                        .syncSessionToken(sessionToken)
                        .recordPatches(patches));
        long highest = 0;
        for (Record record : written.records()) {
          Setting s = settings.computeIfAbsent(record.key(), k -> new Setting());
          s.value = record.value();
          s.syncCount = record.syncCount();
          s.modified = false;
          highest = Math.max(highest, record.syncCount());
        }
        // C1: our write took the next count. Skip ahead only if nobody else wrote meanwhile;
        // otherwise the next sync lists from the count we listed at and picks their change up.
        if (highest == listing.datasetSyncCount + 1) {
          lastSyncCount = highest;
        }
        return new SyncResult(pulled, patches.size(), conflicts, retries, lastSyncCount);
      } catch (ResourceConflictException e) {
        // 4. F2: another device wrote one of these keys after our listing. List again and retry.
        if (retries == MAX_RETRIES) {
          throw new SyncFailedException(
              "Sync of "
                  + datasetName
                  + " exceeded maximum retries ("
                  + MAX_RETRIES
                  + "): "
                  + e.awsErrorDetails().errorMessage(),
              e);
        }
      }
    }
  }

  private record Listing(
      List<Record> records,
      long datasetSyncCount,
      boolean datasetExists,
      boolean deletedAfter,
      String sessionToken) {

    /** How the mobile clients read a remote deletion (SEMANTICS E2). */
    boolean deletedRemotely(long lastSyncCount) {
      return (lastSyncCount != 0 && !datasetExists) || deletedAfter;
    }
  }

  /** ListRecords, following NextToken to the last page. */
  private Listing listSince(long syncCount) {
    List<Record> records = new ArrayList<>();
    String nextToken = null;
    ListRecordsResponse page;
    do {
      String token = nextToken;
      page =
          cognitoSync.listRecords(
              r ->
                  r.identityPoolId(identityPoolId)
                      .identityId(identityId)
                      .datasetName(datasetName)
                      .lastSyncCount(syncCount)
                      .maxResults(PAGE_SIZE)
                      .nextToken(token));
      records.addAll(page.records());
      nextToken = page.nextToken();
    } while (nextToken != null);
    return new Listing(
        records,
        page.datasetSyncCount(),
        Boolean.TRUE.equals(page.datasetExists()),
        Boolean.TRUE.equals(page.datasetDeletedAfterRequestedSyncCount()),
        page.syncSessionToken());
  }

  private List<RecordPatch> localChanges() {
    List<RecordPatch> patches = new ArrayList<>();
    settings.forEach(
        (key, s) -> {
          if (s.modified) {
            patches.add(
                RecordPatch.builder()
                    .op(s.value == null ? Operation.REMOVE : Operation.REPLACE)
                    .key(key)
                    .value(s.value)
                    .syncCount(s.syncCount)
                    .deviceLastModifiedDate(s.modifiedAt)
                    .build());
          }
        });
    return patches;
  }

  private void forgetSyncedSettings() {
    settings.values().removeIf(s -> !s.modified);
    settings.values().forEach(s -> s.syncCount = 0);
    lastSyncCount = 0;
  }
}
