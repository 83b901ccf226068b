package dev.cognitosyncmock.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

/**
 * Real threads, real HTTP, real SDK clients: each thread increments counters kept in records, some
 * datasets shared by all threads and one private to each, with the client sync loop of F1 and F2.
 * No increment may be lost, no dataset sync count skipped or repeated (C1), and every conflict must
 * be a real one (C2): the key had moved past the count the writer sent.
 */
class HttpConcurrencyTest extends SdkTestBase {
  private static final int THREADS = 6;
  private static final int INCREMENTS = 40;

  @Test
  void C1_C2_parallelClientsLoseNoUpdateAndCountsNeverSkip() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    Map<String, List<Long>> countsSeenPerDataset = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicInteger falseConflicts = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String privateDataset = "private-" + t;
      work.add(
          pool.submit(
              () -> {
                CognitoSyncClient c = client();
                for (int i = 0; i < INCREMENTS; i++) {
                  String dataset = i % 2 == 0 ? "shared" : privateDataset;
                  String key = i % 4 == 0 ? "hot" : "counter";
                  while (true) {
                    ListRecordsResponse listed = list(c, dataset, 0);
                    Record current =
                        listed.records().stream()
                            .filter(r -> r.key().equals(key))
                            .findFirst()
                            .orElse(null);
                    long count = current == null ? 0 : current.syncCount();
                    long value = current == null ? 0 : Long.parseLong(current.value());
                    try {
                      Record written =
                          put(
                                  c,
                                  dataset,
                                  listed.syncSessionToken(),
                                  key,
                                  Long.toString(value + 1),
                                  count)
                              .records()
                              .get(0);
                      countsSeenPerDataset.computeIfAbsent(dataset, d -> new ArrayList<>());
                      synchronized (countsSeenPerDataset.get(dataset)) {
                        countsSeenPerDataset.get(dataset).add(written.syncCount());
                      }
                      break;
                    } catch (ResourceConflictException e) {
                      conflicts.incrementAndGet();
                      // a real conflict: the server's count for the key is no longer the one we
                      // sent
                      long now =
                          list(c, dataset, 0).records().stream()
                              .filter(r -> r.key().equals(key))
                              .findFirst()
                              .map(Record::syncCount)
                              .orElse(0L);
                      if (now == count) {
                        falseConflicts.incrementAndGet();
                      }
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    CognitoSyncClient c = client();
    Map<String, Long> totals = new HashMap<>();
    for (String dataset : countsSeenPerDataset.keySet()) {
      ListRecordsResponse finalState = list(c, dataset, 0);
      long sum = finalState.records().stream().mapToLong(r -> Long.parseLong(r.value())).sum();
      totals.put(dataset, sum);
      List<Long> counts = new ArrayList<>(countsSeenPerDataset.get(dataset));
      counts.sort(null);
      // gap-free and unique: exactly 1..n, one per successful write
      for (int i = 0; i < counts.size(); i++) {
        assertThat(counts.get(i)).as("sync counts of %s", dataset).isEqualTo(i + 1L);
      }
      assertThat(finalState.datasetSyncCount()).isEqualTo(counts.size());
      assertThat(sum).as("no lost increment in %s", dataset).isEqualTo(counts.size());
    }
    assertThat(totals.get("shared")).isEqualTo((long) THREADS * INCREMENTS / 2);
    assertThat(conflicts.get()).as("threads really raced on the shared dataset").isPositive();
    assertThat(falseConflicts.get()).isZero();
  }
}
