package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.IdentityKey;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.json.Json;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * Heap per stored record, and the time to export and import the whole state:
 *
 * <ol>
 *   <li>fills an engine with IDENTITIES identities x DATASETS datasets x RECORDS records through
 *       {@code putRecords} (keys {@code setting-<j>}, values of 16 characters, every string its own
 *       object as if read off the wire), measures used heap after full GCs before and after, and
 *       divides; repeated with 1 record per dataset so that the per-identity cost and the
 *       per-record cost can be told apart;
 *   <li>times {@code exportState()}, the JSON write with the admin API's mapper ({@code
 *       Json.MAPPER}), the JSON read ({@code AdminApi.readState}) and {@code importState()} into a
 *       fresh engine, REPEAT times each, and reports min and median.
 * </ol>
 *
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cognitosyncmock.bench.StateMemory
 * [IDENTITIES [DATASETS [RECORDS [REPEAT]]]]}; defaults 100000 1 10 5.
 */
public final class StateMemory {
  private StateMemory() {}

  public static void main(String[] args) throws Exception {
    int identities = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int datasets = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int records = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    System.out.printf(
        "JVM %s, max heap %d MB, GC %s%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());

    fill(new SyncEngine(), 100, 1, 2); // load and warm the classes involved; not measured
    long oneRecordBytes = measure(identities, datasets, 1).bytes; // its engine is garbage now
    Measured full = measure(identities, datasets, records);
    if (records > 1) {
      // bytes = datasets x (fixed cost of an identity's dataset + records x cost of a record)
      double perRecord =
          (double) (full.bytes - oneRecordBytes) / ((long) identities * datasets * (records - 1));
      double perDataset = (double) oneRecordBytes / ((long) identities * datasets) - perRecord;
      System.out.printf(
          "marginal cost: %.0f bytes per record, plus %.0f bytes per dataset"
              + " (its identity, pool entry, maps and metadata)%n",
          perRecord, perDataset);
    }
    System.out.println();
    System.out.println("Largest classes on the heap, " + full.label + ":");
    histogram(12);

    SyncEngine engine = full.engine;
    System.out.println();
    System.out.printf(
        "Reads with %s in the state (mean per call, spread over the identities):%n", full.label);
    int n = identities;
    perCall(
        "ListRecords (all records of a dataset)",
        10_000,
        i ->
            engine.listRecords(
                Fixtures.DEVELOPER,
                new DatasetKey(Fixtures.POOL, Fixtures.identityId(i % n), "ds0"),
                0L,
                null,
                null));
    perCall(
        "ListDatasets (an identity's datasets)",
        10_000,
        i ->
            engine.listDatasets(
                Fixtures.DEVELOPER,
                new IdentityKey(Fixtures.POOL, Fixtures.identityId(i % n)),
                null,
                null));
    perCall(
        "DescribeIdentityPoolUsage",
        10_000,
        i -> engine.describeIdentityPoolUsage(Fixtures.DEVELOPER, Fixtures.POOL));
    perCall(
        "ListIdentityPoolUsage",
        10_000,
        i -> engine.listIdentityPoolUsage(Fixtures.DEVELOPER, null, null));

    System.out.println();
    System.out.printf(
        "Export and import of %s (%d repetitions; min / median):%n", full.label, repeat);
    EngineSnapshot[] snapshot = new EngineSnapshot[1];
    byte[][] json = new byte[1][];
    time("exportState()", repeat, () -> snapshot[0] = engine.exportState());
    time(
        "JSON write (Json.MAPPER)",
        repeat,
        () -> json[0] = Json.MAPPER.writeValueAsBytes(snapshot[0]));
    System.out.printf("  state document: %.1f MB%n", json[0].length / 1e6);
    time("JSON read (AdminApi.readState)", repeat, () -> snapshot[0] = AdminApi.readState(json[0]));
    SyncEngine fresh = new SyncEngine();
    time(
        "importState()",
        repeat,
        () -> {
          fresh.importState(snapshot[0]);
          return fresh;
        });
    time(
        "round trip: export + write + read + import",
        repeat,
        () -> {
          fresh.importState(
              AdminApi.readState(Json.MAPPER.writeValueAsBytes(engine.exportState())));
          return fresh;
        });
    Reference.reachabilityFence(engine);
  }

  record Measured(String label, SyncEngine engine, long bytes, long records, long millis) {}

  private static Measured measure(int identities, int datasets, int records) {
    long before = usedAfterGc();
    long start = System.nanoTime();
    SyncEngine engine = new SyncEngine();
    fill(engine, identities, datasets, records);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc();
    long total = (long) identities * datasets * records;
    String label =
        String.format(
            "%,d identities x %d dataset(s) x %d record(s)", identities, datasets, records);
    long bytes = after - before;
    System.out.printf(
        "%s = %,d records: filled in %,d ms; heap +%.1f MB = %.0f bytes per record,"
            + " %.0f bytes per dataset%n",
        label,
        total,
        millis,
        bytes / 1e6,
        (double) bytes / total,
        (double) bytes / ((long) identities * datasets));
    return new Measured(label, engine, bytes, total, millis);
  }

  /** Values are 16 characters; keys repeat across datasets but are distinct objects, as parsed. */
  static void fill(SyncEngine engine, int identities, int datasets, int records) {
    for (int i = 0; i < identities; i++) {
      String identity = Fixtures.identityId(i);
      for (int d = 0; d < datasets; d++) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int j = 0; j < records; j++) {
          values.put(new String("setting-" + j), String.format("value-%05d-%04d", i % 100_000, j));
        }
        engine.putRecords(
            Fixtures.DEVELOPER, new DatasetKey(Fixtures.POOL, identity, "ds" + d), values);
      }
    }
  }

  static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  static void time(String what, int repeat, Supplier<Object> action) {
    long[] millis = new long[repeat];
    Object sink = null;
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      sink = action.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Reference.reachabilityFence(sink);
    Arrays.sort(millis);
    System.out.printf("  %-45s %,6d ms / %,6d ms%n", what, millis[0], millis[repeat / 2]);
  }

  /** Mean time per call over {@code calls} calls, after as many not counted. */
  static void perCall(String what, int calls, java.util.function.IntFunction<Object> call) {
    Object sink = null;
    for (int i = 0; i < calls; i++) {
      sink = call.apply(i * 7919);
    }
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink = call.apply(i * 7919 + 1);
    }
    double micros = (System.nanoTime() - start) / calls / 1e3;
    Reference.reachabilityFence(sink);
    System.out.printf("  %-45s %,11.1f µs per call (%,d calls)%n", what, micros, calls);
  }

  /** The top of GC.class_histogram, through the DiagnosticCommand MBean. */
  static void histogram(int lines) throws Exception {
    String out =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    List<String> rows = new ArrayList<>(Arrays.asList(out.split("\n")));
    rows.stream().limit(lines + 2L).forEach(r -> System.out.println("  " + r));
  }
}
