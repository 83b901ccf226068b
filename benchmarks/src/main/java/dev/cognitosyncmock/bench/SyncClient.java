package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.RecordsPage;
import dev.cognitosyncmock.engine.SyncEngine;

/**
 * One simulated client per benchmark thread: its own slice of the seeded datasets (so threads never
 * conflict), with the sync count and session token each was last listed with. The benchmarks'
 * thread-scoped states extend it and call {@link #open} from their set-up.
 */
public abstract class SyncClient {
  static final int DATASETS_PER_THREAD = 1000;
  static final int DATASETS_PER_IDENTITY = 4;

  /** More than any thread count we run with; each thread takes its own slice. */
  static final int MAX_THREADS = 8;

  /** How many datasets to seed so that every thread finds its slice. */
  static final int SEEDED = DATASETS_PER_THREAD * MAX_THREADS;

  /** Where this client's slice starts among the seeded datasets. */
  int first;

  DatasetKey[] keys;
  String[] recordKeys;
  long[] counts;
  String[] tokens;
  int next;
  long value;

  /** Takes slice {@code slice} and lists each of its datasets once for its count and token. */
  void open(SyncEngine engine, int slice) {
    first = slice * DATASETS_PER_THREAD;
    keys = new DatasetKey[DATASETS_PER_THREAD];
    recordKeys = new String[DATASETS_PER_THREAD];
    counts = new long[DATASETS_PER_THREAD];
    tokens = new String[DATASETS_PER_THREAD];
    for (int i = 0; i < DATASETS_PER_THREAD; i++) {
      keys[i] = Fixtures.dataset(first + i, DATASETS_PER_IDENTITY);
      recordKeys[i] = "k" + (first + i);
      RecordsPage page = engine.listRecords(Fixtures.DEVELOPER, keys[i], 0L, null, null);
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
