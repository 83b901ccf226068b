package dev.cognitosyncmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import dev.cognitosyncmock.wiremock.ConstantTimeJournalStore;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory cannot be exhausted on purpose (A1): a body above the limit is refused 413 unread, a gzip
 * body that expands beyond it is refused without being expanded, and what WireMock's journal keeps
 * per entry is bounded. With default settings, as the standalone server runs. The figures printed
 * here are the ones docs/security.md reports.
 */
class OversizedRequestsHeapTest {
  static final String DS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings";
  static CognitoSyncServer server;

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static long liveHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Test
  void A1_thirtyRefusedOversizedRequestsLeaveTheHeapWhereItWas() throws Exception {
    byte[] twentyMiB = new byte[20 * 1024 * 1024];
    Arrays.fill(twentyMiB, (byte) 'x');
    byte[] belowLimit =
        Arrays.copyOf(twentyMiB, CognitoSyncOptions.MAX_REQUEST_BODY_SIZE.defaultValue() - 1024);
    byte[] bomb = HttpLayerErrorShapeTest.gzipOfZeros(1L << 30); // 1 MiB that expands to 1 GiB
    // warm up: the first requests load classes and fill caches
    RawHttp.send(server.port(), "GET", DS + "/records", List.of(), null);
    long before = liveHeap();
    for (int i = 0; i < 30; i++) {
      RawHttp.Response r = RawHttp.send(server.port(), "POST", DS, List.of(), twentyMiB);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.header("x-amzn-ErrorType")).isEqualTo("RequestEntityTooLargeException");
    }
    long afterOversized = liveHeap();
    long started = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      RawHttp.Response r =
          RawHttp.send(
              server.port(),
              "POST",
              DS,
              List.<String[]>of(new String[] {"Content-Encoding", "gzip"}),
              bomb);
      assertThat(r.status()).isEqualTo(413);
    }
    long bombMillis = (System.nanoTime() - started) / 1_000_000 / 30;
    long afterBombs = liveHeap();
    // just below the limit: read, refused by the mock (not JSON), journaled with a bounded body
    for (int i = 0; i < 30; i++) {
      RawHttp.Response r = RawHttp.send(server.port(), "POST", DS, List.of(), belowLimit);
      assertThat(r.status()).isEqualTo(400);
    }
    long afterBelowLimit = liveHeap();
    System.out.printf(
        "live heap: %d MiB before; after 30 refused 20 MiB POSTs %d MiB; after 30"
            + " gzip bombs (1 MiB -> 1 GiB, %d ms each) %d MiB; after 30 refused %d MiB bodies"
            + " below the limit %d MiB%n",
        mib(before),
        mib(afterOversized),
        bombMillis,
        mib(afterBombs),
        mib(belowLimit.length),
        mib(afterBelowLimit));
    assertThat(afterOversized - before)
        .as("heap growth after oversized bodies")
        .isLessThan(16L * 1024 * 1024);
    assertThat(afterBombs - before)
        .as("heap growth after gzip bombs")
        .isLessThan(16L * 1024 * 1024);
    // 30 journal entries of at most 64 KiB each, plus noise
    assertThat(afterBelowLimit - before)
        .as("heap growth after bodies below the limit")
        .isLessThan(32L * 1024 * 1024);
    assertThat(bombMillis).isLessThan(2_000);
  }

  @Test
  void A1_theRequestJournalKeepsAtMost64KiBOfEachBody() throws Exception {
    byte[] body = ("{\"x\":\"" + "y".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    RawHttp.send(server.port(), "POST", DS + "/journal-bound", List.of(), body);
    ServeEvent event =
        server.wireMock().getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().endsWith("/journal-bound"))
            .findFirst()
            .orElseThrow();
    assertThat(event.getRequest().getBody()).hasSize(ConstantTimeJournalStore.MAX_BODY_BYTES);
    assertThat(event.getRequest().getUrl()).endsWith("/journal-bound");
  }

  static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }
}
