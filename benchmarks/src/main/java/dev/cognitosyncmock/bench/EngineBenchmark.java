package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.RecordPatch;
import dev.cognitosyncmock.engine.RecordsPage;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine alone, no HTTP and no JSON: the F1 client cycle (ListRecords since the last count,
 * then UpdateRecords of one key with the session token) over many datasets, and each half on its
 * own. Each benchmark thread owns its own datasets, so there are no conflicts; run with {@code -t
 * 2} to see the per-identity locks under two threads.
 */
public class EngineBenchmark extends AverageTimeBenchmark {
  @State(Scope.Benchmark)
  public static class Engine {
    SyncEngine engine;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SyncEngine();
      Fixtures.seed(engine, SyncClient.SEEDED, SyncClient.DATASETS_PER_IDENTITY);
    }
  }

  @State(Scope.Thread)
  public static class Client extends SyncClient {
    @Setup(Level.Trial)
    public void setUp(Engine e) {
      open(e.engine, e.threads.getAndIncrement());
    }
  }

  /** ListRecords since the last count but one (so one record comes back), then UpdateRecords. */
  @Benchmark
  public List<SyncRecord> syncCycle(Engine e, Client c) {
    int i = c.nextDataset();
    RecordsPage page =
        e.engine.listRecords(Fixtures.DEVELOPER, c.keys[i], c.counts[i] - 1, null, null);
    List<SyncRecord> written =
        e.engine.updateRecords(
            Fixtures.DEVELOPER,
            c.keys[i],
            "bench",
            List.of(
                RecordPatch.replace(c.recordKeys[i], "v" + (c.value++), page.datasetSyncCount())),
            page.syncSessionToken());
    c.counts[i] = written.get(0).syncCount();
    return written;
  }

  @Benchmark
  public RecordsPage listRecords(Engine e, Client c) {
    int i = c.nextDataset();
    return e.engine.listRecords(Fixtures.DEVELOPER, c.keys[i], c.counts[i] - 1, null, null);
  }

  /** UpdateRecords with a token issued once per dataset (tokens are reusable, SEMANTICS D4). */
  @Benchmark
  public List<SyncRecord> updateRecords(Engine e, Client c) {
    int i = c.nextDataset();
    List<SyncRecord> written =
        e.engine.updateRecords(
            Fixtures.DEVELOPER,
            c.keys[i],
            "bench",
            List.of(RecordPatch.replace(c.recordKeys[i], "v" + (c.value++), c.counts[i])),
            c.tokens[i]);
    c.counts[i] = written.get(0).syncCount();
    return written;
  }
}
