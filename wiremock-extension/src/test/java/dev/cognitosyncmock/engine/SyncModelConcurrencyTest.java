package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Model-based concurrency check of the sync rules. Several simulated devices run random sync
 * sessions (ListRecords, then UpdateRecords with patches whose SyncCounts are sometimes stale) on
 * one dataset at once. Every call's inputs, outputs and real-time window are recorded; the history
 * must then be explained by one sequential order: the successful UpdateRecords ordered by the sync
 * count they produced (C1: 1, 2, 3, ... with no gap, consistent with real time) replayed on a
 * simple sequential model, where every patch matched the key's count at that point (C2), every 409
 * names a key whose count differed from the patch at some point inside the call's window, and every
 * ListRecords returned exactly the model's records above lastSyncCount at the version it reports
 * (C6).
 */
class SyncModelConcurrencyTest {
  static final DatasetKey DATASET =
      new IdentityKey(
              "us-east-1:11111111-2222-3333-4444-555555555555",
              "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
          .dataset("settings");
  static final List<String> KEYS = List.of("a", "b", "c", "d");
  static final Pattern CONFLICT =
      Pattern.compile("Current SyncCount for: (\\S+) is: (\\d+) not: (\\d+)");
  static final int DEVICES = 6;
  static final int SESSIONS = 150;

  /** A key's state in the sequential model: value null means removed (a tombstone). */
  record Rec(String value, long syncCount) {}

  sealed interface Event permits Listed, Updated, Conflicted {
    long start();

    long end();
  }

  record Listed(
      long start, long end, long lastSyncCount, long datasetSyncCount, Map<String, Rec> records)
      implements Event {}

  record Updated(long start, long end, List<RecordPatch> patches, List<SyncRecord> written)
      implements Event {}

  record Conflicted(
      long start,
      long end,
      List<RecordPatch> patches,
      String key,
      long serverCount,
      long patchCount)
      implements Event {}

  @RepeatedTest(3)
  @Timeout(120)
  void C1_C2_C6_concurrentSyncSessionsAreExplainedByASequentialModel() throws Exception {
    SyncEngine engine = new SyncEngine();
    Caller caller = Caller.developer();
    ConcurrentLinkedQueue<Event> history = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> devices = new ArrayList<>();
    long seed = System.nanoTime();
    for (int d = 0; d < DEVICES; d++) {
      Random random = new Random(seed + d);
      devices.add(
          pool.submit(
              () -> {
                go.await();
                device(engine, caller, random, history);
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : devices) {
      f.get(100, TimeUnit.SECONDS);
    }
    pool.shutdown();
    check(new ArrayList<>(history), engine.listRecords(caller, DATASET, 0L, null, null));
  }

  /** One device: a local replica, sync sessions, sometimes stale counts on purpose. */
  static void device(
      SyncEngine engine, Caller caller, Random random, ConcurrentLinkedQueue<Event> history) {
    Map<String, Long> known = new HashMap<>();
    long localCount = 0;
    for (int s = 0; s < SESSIONS; s++) {
      long since = random.nextInt(4) == 0 ? 0 : localCount;
      long t0 = System.nanoTime();
      RecordsPage page = engine.listRecords(caller, DATASET, since, null, null);
      long t1 = System.nanoTime();
      Map<String, Rec> seen = new TreeMap<>();
      for (SyncRecord r : page.records()) {
        seen.put(r.key(), new Rec(r.value(), r.syncCount()));
        known.put(r.key(), r.syncCount());
      }
      history.add(new Listed(t0, t1, since, page.datasetSyncCount(), seen));
      localCount = Math.max(localCount, page.datasetSyncCount());

      List<RecordPatch> patches = new ArrayList<>();
      for (String key : KEYS) {
        if (random.nextInt(3) == 0) {
          long count = known.getOrDefault(key, 0L);
          if (random.nextInt(8) == 0) {
            count = Math.max(0, count - 1 - random.nextInt(2)); // stale on purpose
          }
          patches.add(
              random.nextInt(5) == 0
                  ? RecordPatch.remove(key, count)
                  : RecordPatch.replace(key, "v" + random.nextInt(1000), count));
        }
      }
      if (patches.isEmpty()) {
        continue;
      }
      long t2 = System.nanoTime();
      try {
        List<SyncRecord> written =
            engine.updateRecords(caller, DATASET, null, patches, page.syncSessionToken());
        long t3 = System.nanoTime();
        history.add(new Updated(t2, t3, patches, written));
        for (SyncRecord r : written) {
          known.put(r.key(), r.syncCount());
        }
      } catch (ServiceException e) {
        long t3 = System.nanoTime();
        assertThat(e.shape()).as(e.getMessage()).isEqualTo(ErrorShape.ResourceConflictException);
        Matcher m = CONFLICT.matcher(e.getMessage());
        assertThat(m.matches()).as(e.getMessage()).isTrue();
        history.add(
            new Conflicted(
                t2,
                t3,
                patches,
                m.group(1),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3))));
      }
    }
  }

  static void check(List<Event> history, RecordsPage finalPage) {
    List<Updated> updates =
        history.stream()
            .filter(e -> e instanceof Updated)
            .map(e -> (Updated) e)
            .sorted(Comparator.comparingLong(u -> u.written().get(0).syncCount()))
            .toList();
    // C1: every write takes the next count, one count per call, no gap
    for (int i = 0; i < updates.size(); i++) {
      Updated u = updates.get(i);
      long n = i + 1;
      assertThat(u.written()).extracting(SyncRecord::syncCount).as("update #%d", n).containsOnly(n);
      assertThat(u.written())
          .extracting(SyncRecord::key)
          .containsExactlyInAnyOrderElementsOf(u.patches().stream().map(RecordPatch::key).toList());
      // the order respects real time: nothing that finished before this one started comes later
      for (int j = i + 1; j < updates.size(); j++) {
        assertThat(updates.get(j).end())
            .as("update #%d ended before #%d started", j + 1, n)
            .isGreaterThan(u.start());
      }
    }
    // replay on the sequential model: versions[v] is the state after v successful updates
    List<Map<String, Rec>> versions = new ArrayList<>();
    Map<String, Rec> state = new TreeMap<>();
    versions.add(Map.copyOf(state));
    for (int i = 0; i < updates.size(); i++) {
      long n = i + 1;
      for (RecordPatch p : updates.get(i).patches()) {
        long current = state.containsKey(p.key()) ? state.get(p.key()).syncCount() : 0;
        assertThat(p.syncCount())
            .as(
                "C2: update #%d patched %s at %d while the model had %d",
                n, p.key(), p.syncCount(), current)
            .isEqualTo(current);
        state.put(p.key(), new Rec(p.op() == PatchOp.REMOVE ? null : p.value(), n));
      }
      versions.add(Map.copyOf(state));
    }
    int explainedConflicts = 0;
    for (Event e : history) {
      if (e instanceof Listed l) {
        int v = (int) l.datasetSyncCount();
        assertThat(v).isBetween(0, updates.size());
        assertThat(possibleAt(v, l, updates))
            .as("listing at version %d out of its time window", v)
            .isTrue();
        Map<String, Rec> expected = new TreeMap<>();
        versions
            .get(v)
            .forEach(
                (k, r) -> {
                  if (r.syncCount() > l.lastSyncCount()) {
                    expected.put(k, r);
                  }
                });
        assertThat(l.records())
            .as("C6: ListRecords(lastSyncCount=%d) at version %d", l.lastSyncCount(), v)
            .isEqualTo(expected);
      } else if (e instanceof Conflicted c) {
        boolean explained = false;
        for (int v = 0; v <= updates.size() && !explained; v++) {
          Rec r = versions.get(v).get(c.key());
          long current = r == null ? 0 : r.syncCount();
          explained =
              possibleAt(v, c, updates)
                  && current == c.serverCount()
                  && c.patches().stream()
                      .anyMatch(
                          p ->
                              p.key().equals(c.key())
                                  && p.syncCount() == c.patchCount()
                                  && p.syncCount() != current);
        }
        assertThat(explained).as("409 %s: no version inside its window explains it", c).isTrue();
        explainedConflicts++;
      }
    }
    assertThat(finalPage.datasetSyncCount()).isEqualTo(updates.size());
    assertThat(updates.size()).as("enough successful writes to mean something").isGreaterThan(50);
    assertThat(explainedConflicts).as("contention produced conflicts").isGreaterThan(0);
  }

  /** Version v (after v updates) can be seen by an event whose window is [start, end]. */
  static boolean possibleAt(int v, Event e, List<Updated> updates) {
    boolean reached = v == 0 || updates.get(v - 1).start() < e.end();
    boolean notYetNext = v == updates.size() || updates.get(v).end() > e.start();
    return reached && notYetNext;
  }
}
