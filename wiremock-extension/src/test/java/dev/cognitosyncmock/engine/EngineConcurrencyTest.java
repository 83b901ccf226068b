package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** C1/C2 under real threads: no lost update, gap-free counts, only real conflicts. */
class EngineConcurrencyTest extends EngineTestSupport {
  private static final int THREADS = 8;
  private static final int UPDATES = 200;
  private static final Pattern CONFLICT =
      Pattern.compile("Current SyncCount for: (\\S+) is: (\\d+) not: (\\d+)");

  record Write(DatasetKey dataset, String key, String value, long syncCount) {}

  @Test
  @Timeout(60)
  void C1_C2_concurrentListUpdateRetryLosesNothingAndCountsStayGapFree() throws Exception {
    Queue<Write> writes = new ConcurrentLinkedQueue<>();
    Queue<String> badConflicts = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    // every thread lists before any writes in the first round, so that threads 0 and 5 (same
    // identity, dataset and key) conflict however the machine schedules them
    CyclicBarrier firstRoundListed = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> conflictCounts = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      conflictCounts.add(
          pool.submit(
              () -> {
                String identityId = thread < 6 ? ID_A : ID_B;
                Caller caller = Caller.identity(identityId);
                start.await();
                int conflicts = 0;
                for (int n = 0; n < UPDATES; n++) {
                  DatasetKey dataset =
                      ds(identityId, n % 2 == 0 ? "shared" : "group" + (thread % 3));
                  String key = "k" + ((thread + n) % 5);
                  String value = "t" + thread + "-" + n;
                  for (int attempt = 0; ; attempt++) {
                    assertThat(attempt).as("retries").isLessThan(10_000);
                    RecordsPage page = engine.listRecords(caller, dataset, null, null, null);
                    if (n == 0 && attempt == 0) {
                      firstRoundListed.await(30, TimeUnit.SECONDS);
                    }
                    long current =
                        page.records().stream()
                            .filter(r -> r.key().equals(key))
                            .mapToLong(SyncRecord::syncCount)
                            .findFirst()
                            .orElse(0);
                    try {
                      List<SyncRecord> out =
                          engine.updateRecords(
                              caller,
                              dataset,
                              "dev" + thread,
                              List.of(RecordPatch.replace(key, value, current)),
                              page.syncSessionToken());
                      writes.add(new Write(dataset, key, value, out.get(0).syncCount()));
                      break;
                    } catch (ServiceException e) {
                      assertThat(e.shape()).isEqualTo(ErrorShape.ResourceConflictException);
                      conflicts++;
                      Matcher m = CONFLICT.matcher(e.getMessage());
                      if (!m.matches()
                          || !m.group(1).equals(key)
                          || Long.parseLong(m.group(3)) != current
                          || Long.parseLong(m.group(2)) <= current) {
                        badConflicts.add(e.getMessage() + " (patch count " + current + ")");
                      }
                      long now =
                          engine.listRecords(caller, dataset, null, null, null).records().stream()
                              .filter(r -> r.key().equals(key))
                              .mapToLong(SyncRecord::syncCount)
                              .findFirst()
                              .orElse(0);
                      if (now == current) {
                        badConflicts.add(
                            "key " + key + " still at " + current + " after a conflict");
                      }
                    }
                  }
                }
                return conflicts;
              }));
    }
    start.countDown();
    int totalConflicts = 0;
    for (Future<Integer> f : conflictCounts) {
      totalConflicts += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(badConflicts).isEmpty();
    assertThat(writes).hasSize(THREADS * UPDATES);

    Map<DatasetKey, List<Write>> byDataset = new HashMap<>();
    writes.forEach(w -> byDataset.computeIfAbsent(w.dataset(), k -> new ArrayList<>()).add(w));
    for (Map.Entry<DatasetKey, List<Write>> e : byDataset.entrySet()) {
      DatasetKey dataset = e.getKey();
      List<Write> ws = e.getValue();
      RecordsPage page = list(dataset);
      // gap-free: the successful writes used exactly 1..DatasetSyncCount, once each
      TreeSet<Long> counts = new TreeSet<>();
      ws.forEach(w -> counts.add(w.syncCount()));
      assertThat(counts).as("counts of %s", dataset).hasSize(ws.size());
      assertThat(page.datasetSyncCount()).isEqualTo(ws.size());
      assertThat(counts.first()).isEqualTo(1);
      assertThat(counts.last()).isEqualTo(ws.size());
      // no lost update: every key holds the value of its last successful write
      Map<String, Write> last = new HashMap<>();
      ws.forEach(w -> last.merge(w.key(), w, (a, b) -> a.syncCount() > b.syncCount() ? a : b));
      assertThat(page.records()).hasSize(last.size());
      for (SyncRecord r : page.records()) {
        Write w = last.get(r.key());
        assertThat(r.value()).as("%s/%s", dataset, r.key()).isEqualTo(w.value());
        assertThat(r.syncCount()).isEqualTo(w.syncCount());
      }
    }
    assertThat(byDataset).hasSize(4 + 3);
    assertThat(totalConflicts).as("the test should actually contend").isPositive();
  }
}
