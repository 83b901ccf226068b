package dev.cognitosyncmock.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went, from a JFR recording (jdk.ExecutionSample):
 * <ul>
 *   <li>by owner: each sample goes to the frame nearest the top that belongs to the mock
 *       (class and method), to WireMock, to Jetty or to the JSON Schema validator; JDK and Jackson
 *       frames are charged to whoever called them, so gzip inside the session token counts as
 *       SyncSessionToken.encode and Jackson inside request binding as RequestBinder;</li>
 *   <li>inclusive: the share of samples with a given method anywhere on the stack;</li>
 *   <li>self: the top frame;</li>
 *   <li>GC: pauses and their total.</li>
 * </ul>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cognitosyncmock.bench.JfrHotspots x.jfr [top]}
 */
public final class JfrHotspots {
  private JfrHotspots() {
  }

  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> owner = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    int samples = 0;
    int gcs = 0;
    Duration pauses = Duration.ZERO;
    Duration longest = Duration.ZERO;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcs++;
        Duration p = e.getDuration("sumOfPauses");
        pauses = pauses.plus(p);
        longest = p.compareTo(longest) > 0 ? p : longest;
        continue;
      }
      if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
      }
      String charged = "other (JDK, Jackson, JFR without a caller above)";
      for (RecordedFrame f : frames) {
        String o = owner(f.getMethod());
        if (o != null) {
          charged = o;
          break;
        }
      }
      owner.merge(charged, 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f.getMethod());
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
    }
    System.out.printf("%d execution samples; %d GCs, pauses %d ms in all, longest %.1f ms%n",
        samples, gcs, pauses.toMillis(), longest.toNanos() / 1e6);
    print("By owner (nearest mock/WireMock/Jetty/validator frame from the top)", owner, samples, top);
    print("Inclusive (method anywhere on the stack)", inclusive, samples, top);
    print("Self (top frame)", self, samples, top);
  }

  private static String owner(RecordedMethod m) {
    String c = m.getType().getName();
    if (c.startsWith("dev.cognitosyncmock.")) {
      return c.substring(c.lastIndexOf('.') + 1) + "." + m.getName();
    }
    if (c.startsWith("com.networknt.schema.")) {
      return "networknt JSON Schema";
    }
    if (c.startsWith("org.eclipse.jetty.") || c.startsWith("wiremock.org.eclipse.jetty.")) {
      return "Jetty"; // WireMock's standalone jar shades Jetty under wiremock.
    }
    if (c.startsWith("com.github.tomakehurst.wiremock.") || c.startsWith("wiremock.")
        || c.startsWith("org.wiremock.")) {
      return "WireMock";
    }
    return null;
  }

  private static String name(RecordedMethod m) {
    return m.getType().getName() + "." + m.getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println();
    System.out.println(title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / samples,
            en.getKey()));
  }
}
