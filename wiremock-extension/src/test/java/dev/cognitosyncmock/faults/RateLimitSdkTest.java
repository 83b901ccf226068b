package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * Throttling as a rate limit (SEMANTICS B7): a token bucket answers TooManyRequestsException
 * above the set rate. Clients hammer the mock on 127.0.0.1 with a bounded loop for a few seconds;
 * the test measures how many calls were accepted in the time it took, and expects the accepted
 * rate within 10 % of the set rate (it does not assert how fast the mock itself is).
 */
class RateLimitSdkTest {
  static final Duration RUN = Duration.ofSeconds(3);
  static final int MAX_REQUESTS_PER_CLIENT = 20_000;

  CognitoSyncServer server;
  CognitoSyncClient client;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().requestJournalSize(0).build().start();
    client = FaultTestSupport.sdkWithoutRetries(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  record Measured(int accepted, int throttled, double seconds) {
  }

  @Test
  void B7_aRateLimitPerOperationHoldsTheAcceptedRateWithinTenPercent() throws Exception {
    double rate = 40;
    int burst = 5;
    server.service().faults().add(FaultRule.on("ListRecords")
        .rateLimit(rate, burst, FaultAction.RateLimit.Per.OPERATION));

    Measured m = hammer(List.of(FaultTestSupport.IDENTITY), 4).get(0);

    assertThat(m.throttled()).as("the clients went faster than the limit").isGreaterThan(m.accepted());
    assertWithinTenPercent(m, rate, burst);
  }

  @Test
  void B7_aRateLimitPerIdentityGivesEachIdentityItsOwnBucket() throws Exception {
    double rate = 25;
    int burst = 5;
    server.service().faults().add(FaultRule.on("ListRecords")
        .rateLimit(rate, burst, FaultAction.RateLimit.Per.IDENTITY));
    List<String> identities = List.of("us-east-1:00000000-0000-0000-0000-00000000000a",
        "us-east-1:00000000-0000-0000-0000-00000000000b");

    List<Measured> each = hammer(identities, 2);

    for (Measured m : each) {
      assertThat(m.throttled()).isGreaterThan(m.accepted());
      assertWithinTenPercent(m, rate, burst);
    }
  }

  private static void assertWithinTenPercent(Measured m, double rate, int burst) {
    double sustained = (m.accepted() - burst) / m.seconds();
    assertThat(sustained).as("accepted %d in %.2f s (burst %d)", m.accepted(), m.seconds(), burst)
        .isBetween(rate * 0.9, rate * 1.1);
  }

  /** {@code threadsPerIdentity} threads per identity, calling ListRecords as fast as they can. */
  private List<Measured> hammer(List<String> identities, int threadsPerIdentity)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(identities.size() * threadsPerIdentity);
    try {
      // warm the client and the connection up outside the measured run, on another operation
      client.listDatasets(r -> r.identityPoolId(POOL).identityId(identities.get(0)));
      List<AtomicInteger> accepted = new ArrayList<>();
      List<AtomicInteger> throttled = new ArrayList<>();
      List<Future<?>> running = new ArrayList<>();
      long start = System.nanoTime();
      long deadline = start + RUN.toNanos();
      for (String identity : identities) {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        accepted.add(ok);
        throttled.add(limited);
        for (int t = 0; t < threadsPerIdentity; t++) {
          running.add(pool.submit(() -> {
            for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; i++) {
              try {
                client.listRecords(r -> r.identityPoolId(POOL).identityId(identity)
                    .datasetName("settings"));
                ok.incrementAndGet();
              } catch (TooManyRequestsException e) {
                limited.incrementAndGet();
              }
            }
          }));
        }
      }
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Measured> out = new ArrayList<>();
      for (int i = 0; i < identities.size(); i++) {
        out.add(new Measured(accepted.get(i).get(), throttled.get(i).get(), seconds));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
