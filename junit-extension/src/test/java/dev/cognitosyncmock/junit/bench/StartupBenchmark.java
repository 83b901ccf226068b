package dev.cognitosyncmock.junit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time from test-class start to the first answered request, the mock's extension against WireMock's
 * own extension with one stub, each run in a fresh JVM (so class loading and parsing count, as they
 * do for a real first test class), forks alternating so drift hits both alike.
 *
 * <p>Run: {@code mvn -B -q -pl junit-extension -am verify -Pstartup-benchmark -DskipTests} (forks
 * per variant: {@code -Dbench.forks=20}).
 */
public final class StartupBenchmark {
  private static final String MOCK = CognitoSyncStartupSubject.class.getName();
  private static final String WIREMOCK = WireMockStartupSubject.class.getName();

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int forks = Integer.getInteger("bench.forks", 20);
    System.out.printf(
        Locale.ROOT,
        "Start-up benchmark: %d forks per variant, %s %s%n",
        forks,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.printf(
        Locale.ROOT, "%-56s %8s %8s %8s %8s%n", "variant", "median", "mean", "min", "max");
    for (boolean sdk : new boolean[] {false, true}) {
      List<Long> mock = new ArrayList<>();
      List<Long> wireMock = new ArrayList<>();
      fork(MOCK, sdk); // warm the file cache; not counted
      for (int i = 0; i < forks; i++) {
        mock.add(fork(MOCK, sdk));
        wireMock.add(fork(WIREMOCK, sdk));
      }
      String client = sdk ? "AWS SDK CognitoSyncClient" : "java.net.http";
      Stats m = Stats.of(mock);
      Stats w = Stats.of(wireMock);
      m.print("CognitoSyncExtension, " + client);
      w.print("WireMockExtension + 1 stub, " + client);
      System.out.printf(Locale.ROOT, "%-56s %7.2fx%n", "ratio (median)", m.median / w.median);
    }
    breakdown(forks);
    resetCost();
  }

  /**
   * Time per test of a class of one-request tests, both extensions in this JVM (a warm-up run of
   * each first): the per-test reset plus one request.
   */
  private static void resetCost() {
    Class<?>[] subjects = {ResetCostSubjects.Mock.class, ResetCostSubjects.WireMock.class};
    for (Class<?> subject : subjects) {
      runClass(subject); // warm-up
    }
    System.out.printf(
        Locale.ROOT,
        "Per test, %d one-request tests in one class (reset + request), median of 5 runs:%n",
        ResetCostSubjects.TESTS);
    for (Class<?> subject : subjects) {
      List<Long> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        runs.add(runClass(subject) / ResetCostSubjects.TESTS);
      }
      double median = runs.stream().sorted().toList().get(2) / 1e6;
      System.out.printf(Locale.ROOT, "  %-54s %6.2fms%n", subject.getSimpleName(), median);
    }
  }

  /** Nanoseconds to run every test of one class through the JUnit launcher; fails on a failure. */
  private static long runClass(Class<?> subject) {
    org.junit.platform.launcher.listeners.SummaryGeneratingListener summary =
        new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
    long start = System.nanoTime();
    org.junit.platform.launcher.core.LauncherFactory.create()
        .execute(
            org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(
                    org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(subject))
                .build(),
            summary);
    long nanos = System.nanoTime() - start;
    if (summary.getSummary().getTotalFailureCount() > 0
        || summary.getSummary().getTestsSucceededCount() != ResetCostSubjects.TESTS) {
      throw new IllegalStateException(subject + ": " + summary.getSummary().getFailures());
    }
    return nanos;
  }

  /** Medians of the mock's own start-up steps, each fork a fresh JVM. */
  private static void breakdown(int forks) throws IOException, InterruptedException {
    String[] steps = {
      "ServiceModel.load (model parse)",
      "CognitoSyncService (schemas compile)",
      "CognitoSyncServer start (WireMock + Jetty)",
      "first request (raw HTTP)"
    };
    List<List<Long>> times = new ArrayList<>();
    for (String ignored : steps) {
      times.add(new ArrayList<>());
    }
    for (int i = 0; i < forks; i++) {
      String[] fields = run(StartupBreakdown.class.getName(), "", false).split(" ");
      for (int s = 0; s < steps.length; s++) {
        times.get(s).add(Long.parseLong(fields[s]));
      }
    }
    System.out.println("Mock start-up steps outside JUnit (fresh JVM each):");
    for (int s = 0; s < steps.length; s++) {
      Stats.of(times.get(s)).print("  " + steps[s]);
    }
  }

  private static long fork(String subject, boolean sdk) throws IOException, InterruptedException {
    return Long.parseLong(run(StartupProbe.class.getName(), subject, sdk));
  }

  /** Runs a main class in a fresh JVM; answers its last line of output. */
  private static String run(String mainClass, String arg, boolean sdk)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Dbench.sdk=" + sdk,
                "-cp",
                System.getProperty("java.class.path"),
                mainClass,
                arg)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mainClass + " " + arg + " failed in its fork: " + out);
    }
    String[] lines = out.split("\\R");
    return lines[lines.length - 1].trim();
  }

  private record Stats(double median, double mean, double min, double max) {
    static Stats of(List<Long> nanos) {
      List<Long> sorted = nanos.stream().sorted().toList();
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
      double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
      return new Stats(median / 1e6, mean / 1e6, sorted.get(0) / 1e6, sorted.get(n - 1) / 1e6);
    }

    void print(String name) {
      System.out.printf(
          Locale.ROOT, "%-56s %6.0fms %6.0fms %6.0fms %6.0fms%n", name, median, mean, min, max);
    }
  }
}
