package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Request and session ids (D1): version-4 UUIDs, never repeated, also under real threads. */
class RandomUuidsTest {

  @Test
  void D1_idsAreVersionFourUuidsWithTheRfcVariant() {
    for (int i = 0; i < 1000; i++) {
      UUID id = UUID.fromString(RandomUuids.next());
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
    }
  }

  @Test
  void D1_eightThreadsNeverDrawTheSameId() throws InterruptedException {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 50_000; i++) {
                  seen.add(RandomUuids.next());
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(seen).hasSize(8 * 50_000);
  }
}
