package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory an idle mock costs: starts COUNT in-process servers with default settings, as parallel
 * test classes do, has each answer one ListRecords, then reports the heap used after full GCs and
 * the process's resident size, for the JVM alone, one mock and COUNT mocks.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.cognitosyncmock.bench.IdleMemory
 * [COUNT]}; default 8.
 */
public final class IdleMemory {
  private IdleMemory() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    HttpClient http = HttpClient.newHttpClient();
    Reading jvm = Reading.now();
    List<CognitoSyncServer> servers = new ArrayList<>();
    Reading one = null;
    for (int i = 0; i < count; i++) {
      CognitoSyncServer server = CognitoSyncServer.builder().port(0).build().start();
      servers.add(server);
      URI records =
          server
              .endpoint()
              .resolve(
                  "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555/identities/"
                      + "us-east-1%3A11111111-2222-3333-4444-55555555555"
                      + i
                      + "/datasets/idle/records");
      HttpResponse<String> answer =
          http.send(HttpRequest.newBuilder(records).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(answer.statusCode() + " " + answer.body());
      }
      if (i == 0) {
        one = Reading.now();
      }
    }
    Reading all = Reading.now();
    System.out.printf(
        "JVM %s, max heap %d MB%n",
        System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%-28s %12s %10s%n", "", "heap_used_mb", "rss_mb");
    System.out.printf("%-28s %12.1f %10.1f%n", "JVM, no mock", jvm.heapMb, jvm.rssMb);
    System.out.printf("%-28s %12.1f %10.1f%n", "1 idle mock", one.heapMb, one.rssMb);
    System.out.printf("%-28s %12.1f %10.1f%n", count + " idle mocks", all.heapMb, all.rssMb);
    if (count > 1) {
      System.out.printf(
          "each further mock: %.1f MB heap, %.1f MB resident%n",
          (all.heapMb - one.heapMb) / (count - 1), (all.rssMb - one.rssMb) / (count - 1));
    }
    servers.forEach(CognitoSyncServer::stop);
  }

  /** Heap used after full GCs, and VmRSS, in MB. */
  private record Reading(double heapMb, double rssMb) {
    static Reading now() throws Exception {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      double rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
      return new Reading(used / 1048576.0, rss);
    }
  }
}
