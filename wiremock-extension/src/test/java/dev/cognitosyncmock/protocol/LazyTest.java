package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is parsed on first use (Identity's and STS's protocols) is built once, for every caller. */
class LazyTest {

  @Test
  @Timeout(60)
  @DisplayName("start-up: concurrent first uses build the value once and all get that one value")
  void concurrentFirstUsesBuildOnce() throws Exception {
    int threads = 8;
    CountDownLatch arrived = new CountDownLatch(threads);
    AtomicInteger builds = new AtomicInteger();
    Lazy<Object> lazy =
        new Lazy<>(
            () -> {
              builds.incrementAndGet();
              try {
                // hold the build until every thread is on its way in
                arrived.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new Object();
            });
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<Object>> values = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      values.add(
          executor.submit(
              () -> {
                arrived.countDown();
                return lazy.get();
              }));
    }
    Object first = values.get(0).get();
    for (Future<Object> value : values) {
      assertThat(value.get()).isSameAs(first);
    }
    executor.shutdown();

    assertThat(builds).hasValue(1);
    assertThat(lazy.get()).isSameAs(first);
  }

  @Test
  @DisplayName("start-up: a build that failed is tried again on the next use")
  void failedBuildIsRetried() {
    AtomicInteger builds = new AtomicInteger();
    Lazy<String> lazy =
        new Lazy<>(
            () -> {
              if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("model missing");
              }
              return "built";
            });

    assertThatThrownBy(lazy::get).hasMessage("model missing");
    assertThat(lazy.get()).isEqualTo("built");
    assertThat(lazy.get()).isEqualTo("built");
    assertThat(builds).hasValue(2);
  }
}
