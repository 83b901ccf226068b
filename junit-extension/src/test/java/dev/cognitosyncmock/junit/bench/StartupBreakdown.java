package dev.cognitosyncmock.junit.bench;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.util.Locale;

/**
 * Where the mock's extra start-up goes, in a fresh JVM: the model parse, the service (schema
 * compilation for the 17 operation inputs), the WireMock server start, the first request. Printed
 * as milliseconds per step; run by {@link StartupBenchmark} after the comparison.
 */
public final class StartupBreakdown {
  private StartupBreakdown() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    ServiceModel.load();
    long t1 = System.nanoTime();
    CognitoSyncService service = CognitoSyncService.builder().build();
    long t2 = System.nanoTime();
    CognitoSyncServer server = CognitoSyncServer.builder().service(service).build().start();
    long t3 = System.nanoTime();
    int status = BenchRequests.rawListRecords(URI.create(server.endpoint().toString()));
    long t4 = System.nanoTime();
    server.stop();
    if (status != 200) {
      System.exit(1);
    }
    System.out.printf(Locale.ROOT, "%d %d %d %d%n", t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  }
}
