package dev.cognitosyncmock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went, from a profile: a JFR recording ({@code .jfr}, its jdk.ExecutionSample
 * events) or async-profiler's collapsed stacks (any other file, one {@code frame;frame;...;top
 * count} line per stack). Prints:
 *
 * <ul>
 *   <li>by owner: each sample goes to the frame nearest the top that belongs to the mock (class and
 *       method), to WireMock, to Jetty or to the JSON Schema validator. JDK and Jackson frames are
 *       charged to whoever called them: gzip inside the session token counts as
 *       SyncSessionToken.encode, Jackson inside request binding as RequestBinder.parseBody;
 *   <li>inclusive: the share of samples with a given method anywhere on the stack;
 *   <li>self: the top frame.
 * </ul>
 *
 * Only stacks with Java frames count; the JVM's own threads (JIT compiler, GC) are counted apart.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cognitosyncmock.bench.Hotspots FILE [top]}
 */
public final class Hotspots {
  private final Map<String, Long> owner = new HashMap<>();
  private final Map<String, Long> inclusive = new HashMap<>();
  private final Map<String, Long> self = new HashMap<>();
  private long samples;
  private long jvmOnly;

  private Hotspots() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Hotspots h = new Hotspots();
    String header = file.toString().endsWith(".jfr") ? h.readJfr(file) : h.readCollapsed(file);
    System.out.printf(
        "%s%n%d samples of Java request work (%d more in the JVM itself: JIT, GC)%n",
        header, h.samples, h.jvmOnly);
    print(
        "By owner (nearest mock/WireMock/Jetty/validator frame from the top)",
        h.owner,
        h.samples,
        top);
    print("Inclusive (method anywhere on the stack)", h.inclusive, h.samples, top);
    print("Self (top frame)", h.self, h.samples, top);
  }

  private String readJfr(Path file) throws IOException {
    int gcs = 0;
    Duration pauses = Duration.ZERO;
    Duration longest = Duration.ZERO;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcs++;
        Duration p = e.getDuration("sumOfPauses");
        pauses = pauses.plus(p);
        longest = p.compareTo(longest) > 0 ? p : longest;
      } else if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
          frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        add(frames, 1);
      }
    }
    return String.format(
        "JFR: %d GCs, pauses %d ms in all, longest %.1f ms",
        gcs, pauses.toMillis(), longest.toNanos() / 1e6);
  }

  private String readCollapsed(Path file) throws IOException {
    for (String line : Files.readAllLines(file)) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (String f : line.substring(0, space).split(";")) {
        frames.add(f.replace('/', '.').replaceAll("_\\[[a-z0-9]\\]$", ""));
      }
      Collections.reverse(frames); // collapsed stacks run from the root to the top
      add(frames, Long.parseLong(line.substring(space + 1).trim()));
    }
    return "async-profiler collapsed stacks";
  }

  /** One stack, top frame first. */
  private void add(List<String> frames, long weight) {
    if (frames.stream().noneMatch(Hotspots::isJava)) {
      jvmOnly += weight;
      return;
    }
    samples += weight;
    if (!frames.isEmpty()) {
      self.merge(frames.get(0), weight, Long::sum);
    }
    String charged = "other (JDK, Jackson with no caller above)";
    for (String f : frames) {
      String o = owner(f);
      if (o != null) {
        charged = o;
        break;
      }
    }
    owner.merge(charged, weight, Long::sum);
    Set<String> seen = new HashSet<>();
    for (String f : frames) {
      if (seen.add(f)) {
        inclusive.merge(f, weight, Long::sum);
      }
    }
  }

  /** A Java method, not a frame of the JVM's own C++ (JIT compiler, GC, VM threads). */
  private static boolean isJava(String frame) {
    return frame.matches("(java|jdk|sun|dev|com|org|tools|wiremock)\\..*") && !frame.contains("::");
  }

  private static String owner(String frame) {
    if (frame.startsWith("dev.cognitosyncmock.bench.")) {
      return "benchmark client";
    }
    if (frame.startsWith("dev.cognitosyncmock.")) {
      String method = frame.substring(0, frame.lastIndexOf('.'));
      return method.substring(method.lastIndexOf('.') + 1)
          + frame.substring(frame.lastIndexOf('.'));
    }
    if (frame.startsWith("com.networknt.schema.")) {
      return "networknt JSON Schema";
    }
    if (frame.startsWith("org.eclipse.jetty.") || frame.startsWith("wiremock.org.eclipse.jetty.")) {
      return "Jetty"; // WireMock's standalone jar shades Jetty under wiremock.
    }
    if (frame.startsWith("com.github.tomakehurst.wiremock.")
        || frame.startsWith("wiremock.")
        || frame.startsWith("org.wiremock.")) {
      return "WireMock";
    }
    return null;
  }

  private static void print(String title, Map<String, Long> counts, long samples, int top) {
    System.out.println();
    System.out.println(title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            en ->
                System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
  }
}
