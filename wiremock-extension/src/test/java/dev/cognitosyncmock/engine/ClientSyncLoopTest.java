package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** F1-F3 and E2 as the mobile clients run them, against the engine. */
class ClientSyncLoopTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  enum FastForward {
    ANDROID_PLUS_ONE,
    JS_HIGHEST
  }

  record Local(String value, long syncCount, boolean dirty) {}

  /** A device's local copy of one dataset and the sync loop of [AND]/[IOS]/[JS]. */
  final class Device {
    final String deviceId;
    final Caller caller = Caller.identity(ID_A);
    final Map<String, Local> records = new TreeMap<>();
    final List<String> localConflicts = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    FastForward fastForward = FastForward.ANDROID_PLUS_ONE;
    int pageSize = 2;
    int maxRetry = 3;
    long lastSyncCount;
    boolean deletedLocally;
    int updateAttempts;
    Consumer<Integer> beforeUpdate = attempt -> {};

    Device(String deviceId) {
      this.deviceId = deviceId;
    }

    void put(String key, String value) {
      Local old = records.get(key);
      records.put(key, new Local(value, old == null ? 0 : old.syncCount(), true));
    }

    void remove(String key) {
      put(key, null);
    }

    void deleteLocally() {
      records.clear();
      deletedLocally = true;
    }

    Map<String, String> liveValues() {
      Map<String, String> out = new TreeMap<>();
      records.forEach(
          (k, l) -> {
            if (l.value() != null) {
              out.put(k, l.value());
            }
          });
      return out;
    }

    void sync() {
      if (deletedLocally) { // F3
        try {
          engine.deleteDataset(caller, prefs);
          events.add("DeleteDataset");
        } catch (ServiceException e) {
          assertThat(e.shape()).isEqualTo(ErrorShape.ResourceNotFoundException); // B2: success
          events.add("DeleteDataset:404");
        }
        deletedLocally = false;
        lastSyncCount = 0;
        return;
      }
      for (int attempt = 0; ; attempt++) {
        if (attempt > maxRetry) {
          throw new IllegalStateException("exceeded maximum retries");
        }
        List<SyncRecord> remote = new ArrayList<>();
        RecordsPage page;
        String next = null;
        do { // F1: fetch every page
          page = engine.listRecords(caller, prefs, lastSyncCount, next, pageSize);
          remote.addAll(page.records());
          next = page.nextToken();
        } while (next != null);
        // E2: how clients read deletion
        if ((lastSyncCount != 0 && !page.datasetExists())
            || page.datasetDeletedAfterRequestedSyncCount()) {
          events.add("onDatasetDeleted");
          records.clear();
          lastSyncCount = 0;
          continue;
        }
        for (SyncRecord r : remote) {
          Local local = records.get(r.key());
          if (local != null
              && local.dirty()
              && !Objects.equals(local.value(), r.value())
              && local.syncCount() != r.syncCount()) {
            localConflicts.add(r.key()); // resolved as "local wins", now on the server's count
            records.put(r.key(), new Local(local.value(), r.syncCount(), true));
          } else {
            records.put(r.key(), new Local(r.value(), r.syncCount(), false));
          }
        }
        List<RecordPatch> patches = new ArrayList<>();
        records.forEach(
            (k, l) -> {
              if (l.dirty()) {
                patches.add(
                    l.value() == null
                        ? RecordPatch.remove(k, l.syncCount())
                        : RecordPatch.replace(k, l.value(), l.syncCount()));
              }
            });
        if (patches.isEmpty()) {
          lastSyncCount = page.datasetSyncCount();
          return;
        }
        beforeUpdate.accept(attempt);
        updateAttempts++;
        List<SyncRecord> written;
        try {
          written = engine.updateRecords(caller, prefs, deviceId, patches, page.syncSessionToken());
        } catch (ServiceException e) {
          if (e.shape() != ErrorShape.ResourceConflictException) {
            throw e;
          }
          events.add("409");
          long highest = patches.stream().mapToLong(RecordPatch::syncCount).max().orElse(0);
          lastSyncCount = Math.min(lastSyncCount, highest); // F2
          continue;
        }
        long max = 0;
        for (SyncRecord r : written) {
          records.put(r.key(), new Local(r.value(), r.syncCount(), false));
          max = Math.max(max, r.syncCount());
        }
        if (fastForward == FastForward.JS_HIGHEST || max == page.datasetSyncCount() + 1) {
          lastSyncCount = max;
        } else {
          lastSyncCount = page.datasetSyncCount();
        }
        return;
      }
    }
  }

  private Map<String, String> serverValues() {
    Map<String, String> out = new TreeMap<>();
    for (SyncRecord r : list(prefs).records()) {
      if (r.value() != null) {
        out.put(r.key(), r.value());
      }
    }
    return out;
  }

  @Test
  void F1_twoDevicesConvergeOneCycleEach() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("color", "blue");
    a.put("size", "L");
    a.put("lang", "en");
    a.sync();
    assertThat(a.lastSyncCount).isEqualTo(1); // fast-forwarded: 1 == 0 + 1
    b.sync(); // pulls three records over two pages
    assertThat(b.liveValues())
        .containsExactly(entry("color", "blue"), entry("lang", "en"), entry("size", "L"));
    assertThat(b.lastSyncCount).isEqualTo(1);

    b.put("color", "red");
    b.remove("size");
    b.sync();
    assertThat(b.lastSyncCount).isEqualTo(2);
    a.sync();
    assertThat(a.liveValues())
        .isEqualTo(b.liveValues())
        .isEqualTo(serverValues())
        .containsExactly(entry("color", "red"), entry("lang", "en"));
    assertThat(a.records.get("size")).isEqualTo(new Local(null, 2, false)); // tombstone
    assertThat(a.lastSyncCount).isEqualTo(2);
    assertThat(a.localConflicts).isEmpty();
    assertThat(a.updateAttempts + b.updateAttempts).isEqualTo(2);
  }

  @Test
  void F1_remoteChangeToALocallyModifiedKeyIsALocalConflict() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("k", "base");
    a.sync();
    b.sync();
    a.put("k", "from-a");
    b.put("k", "from-b");
    b.sync();
    a.sync();
    assertThat(a.localConflicts).containsExactly("k");
    assertThat(a.events).doesNotContain("409");
    assertThat(serverValues()).containsExactly(entry("k", "from-a"));
    b.sync();
    assertThat(b.liveValues()).containsExactly(entry("k", "from-a"));
    assertThat(list(prefs).datasetSyncCount()).isEqualTo(3);
  }

  @Test
  void F2_a409LowersTheLocalCountAndTheRetrySucceeds() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("k", "base");
    a.sync();
    b.sync();
    a.put("k", "from-a");
    a.updateAttempts = 0;
    a.beforeUpdate =
        attempt -> {
          if (attempt == 0) { // B writes between A's ListRecords and A's UpdateRecords
            b.put("k", "from-b");
            b.sync();
          }
        };
    a.sync();
    assertThat(a.events).containsExactly("409");
    assertThat(a.updateAttempts).isEqualTo(2);
    assertThat(a.localConflicts).containsExactly("k");
    assertThat(serverValues()).containsExactly(entry("k", "from-a"));
    assertThat(list(prefs).datasetSyncCount()).isEqualTo(3);
  }

  @Test
  void F2_loweringTheCountRecoversAChangeSkippedByAHighestCountFastForward() {
    Device a = new Device("phone");
    a.fastForward = FastForward.JS_HIGHEST;
    Device b = new Device("tablet");
    a.put("k", "base");
    a.sync(); // count 1
    b.sync();
    a.put("j", "x");
    a.beforeUpdate =
        attempt -> {
          if (attempt == 0) {
            b.put("k", "from-b"); // count 2, which A never lists
            b.sync();
          }
        };
    a.sync(); // writes j at 3, fast-forwards to 3
    assertThat(a.lastSyncCount).isEqualTo(3);
    assertThat(a.records.get("k").value()).isEqualTo("base");
    a.beforeUpdate = attempt -> {};
    a.put("k", "from-a"); // patch count 1, server has 2
    a.sync();
    assertThat(a.events).containsExactly("409");
    assertThat(a.localConflicts).containsExactly("k");
    assertThat(serverValues()).containsExactly(entry("j", "x"), entry("k", "from-a"));
  }

  @Test
  void F2_androidPlusOneRuleDoesNotSkipAConcurrentChange() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("k", "base");
    a.sync();
    b.sync();
    a.put("j", "x");
    a.beforeUpdate =
        attempt -> {
          if (attempt == 0) {
            b.put("k", "from-b");
            b.sync();
          }
        };
    a.sync();
    assertThat(a.lastSyncCount).isEqualTo(1); // 3 != 1 + 1: keep the listed count
    a.sync();
    assertThat(a.liveValues()).containsExactly(entry("j", "x"), entry("k", "from-b"));
    assertThat(a.lastSyncCount).isEqualTo(3);
  }

  @Test
  void F2_whenTheRetryBudgetRunsOutTheClientFails() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("k", "base");
    a.sync();
    b.sync();
    a.put("k", "from-a");
    a.updateAttempts = 0;
    a.beforeUpdate =
        attempt -> {
          b.put("k", "from-b-" + attempt);
          b.sync();
        };
    assertThatThrownBy(a::sync).hasMessage("exceeded maximum retries");
    assertThat(a.updateAttempts).isEqualTo(4); // first try + MAX_RETRY 3
    assertThat(a.events).containsExactly("409", "409", "409", "409");
    assertThat(serverValues()).containsExactly(entry("k", "from-b-3"));
    assertThat(list(prefs).datasetSyncCount()).isEqualTo(5);
  }

  @Test
  void F3_localDeleteCallsDeleteDatasetAndOtherDevicesPurge() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("k", "v");
    a.sync();
    b.sync();
    a.deleteLocally();
    a.sync();
    assertThat(a.events).containsExactly("DeleteDataset");
    assertThat(failure(() -> engine.describeDataset(dev, prefs)).shape())
        .isEqualTo(ErrorShape.ResourceNotFoundException);
    a.deleteLocally();
    a.sync(); // already gone: the 404 counts as success
    assertThat(a.events).containsExactly("DeleteDataset", "DeleteDataset:404");

    b.sync(); // E2: lastSyncCount != 0 && !DatasetExists
    assertThat(b.events).containsExactly("onDatasetDeleted");
    assertThat(b.records).isEmpty();
    assertThat(b.lastSyncCount).isZero();
  }

  @Test
  void E2_deletionAndRecreationIsReadThroughTheFlagAndTheClientStartsFromZero() {
    Device a = new Device("phone");
    Device b = new Device("tablet");
    a.put("old", "1");
    a.sync();
    a.put("old2", "1");
    a.sync();
    b.sync();
    assertThat(b.lastSyncCount).isEqualTo(2);
    a.deleteLocally();
    a.sync();
    a.put("new", "1");
    a.sync(); // recreated at count 3
    assertThat(list(prefs, 2).datasetExists()).isTrue();
    b.sync();
    assertThat(b.events).containsExactly("onDatasetDeleted");
    assertThat(b.liveValues()).containsExactly(entry("new", "1"));
    assertThat(b.lastSyncCount).isEqualTo(3);
  }

  @Test
  void E2_aDeviceThatNeverSyncedDoesNotReadAMissingDatasetAsDeleted() {
    Device a = new Device("phone");
    a.sync();
    assertThat(a.events).isEmpty();
    assertThat(a.lastSyncCount).isZero();
    a.put("k", "v");
    a.sync();
    assertThat(a.events).isEmpty();
    assertThat(serverValues()).containsExactly(entry("k", "v"));
  }
}
