package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.RecordPatch;
import dev.cognitosyncmock.engine.RecordsPage;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, no HTTP and no JSON: the F1 client cycle (ListRecords since the last count,
 * then UpdateRecords of one key with the session token) over many datasets, and each half on its
 * own. Each benchmark thread owns its own datasets, so there are no conflicts; run with {@code -t
 * 2} to see the per-identity locks under two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  static final int DATASETS_PER_THREAD = 1000;
  static final int DATASETS_PER_IDENTITY = 4;

  /** More than any thread count we run with; each thread takes its own slice. */
  static final int MAX_THREADS = 8;

  @State(Scope.Benchmark)
  public static class Engine {
    SyncEngine engine;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SyncEngine();
      Fixtures.seed(engine, DATASETS_PER_THREAD * MAX_THREADS, DATASETS_PER_IDENTITY);
    }
  }

  /** One simulated client per benchmark thread: its datasets, their counts and tokens. */
  @State(Scope.Thread)
  public static class Client {
    DatasetKey[] keys;
    String[] recordKeys;
    long[] counts;
    String[] tokens;
    int next;
    long value;

    @Setup(Level.Trial)
    public void setUp(Engine e) {
      int first = e.threads.getAndIncrement() * DATASETS_PER_THREAD;
      keys = new DatasetKey[DATASETS_PER_THREAD];
      recordKeys = new String[DATASETS_PER_THREAD];
      counts = new long[DATASETS_PER_THREAD];
      tokens = new String[DATASETS_PER_THREAD];
      for (int i = 0; i < DATASETS_PER_THREAD; i++) {
        keys[i] = Fixtures.dataset(first + i, DATASETS_PER_IDENTITY);
        recordKeys[i] = "k" + (first + i);
        RecordsPage page = e.engine.listRecords(Fixtures.DEVELOPER, keys[i], 0L, null, null);
        counts[i] = page.datasetSyncCount();
        tokens[i] = page.syncSessionToken();
      }
    }

    int nextDataset() {
      int i = next;
      next = (i + 1) % DATASETS_PER_THREAD;
      return i;
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
