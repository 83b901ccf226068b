package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** PER_TEST: each test starts from the seed plus what @BeforeAll wrote, whatever ran before. */
@CognitoSyncTest(seed = "classpath:seed-state.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBaselineTest {

  @BeforeAll
  static void seedForTheClass(CognitoSyncMock mock) {
    mock.seed(Sync.POOL, Sync.ID, "class", Map.of("from", "beforeAll"));
  }

  @Test
  @Order(1)
  void writesMore(CognitoSyncMock mock) {
    assertThat(mock.values(Sync.POOL, Sync.ID, "class")).isEqualTo(Map.of("from", "beforeAll"));
    mock.seed(Sync.POOL, Sync.ID, "class", Map.of("from", "test"));
    mock.seed(Sync.POOL, Sync.ID, "extra", Map.of("k", "v"));
  }

  @Test
  @Order(2)
  void findsTheBaselineAgain(CognitoSyncMock mock) {
    assertThat(mock.values(Sync.POOL, Sync.ID, "class")).isEqualTo(Map.of("from", "beforeAll"));
    assertThat(mock.dataset(Sync.POOL, Sync.ID, "extra")).isEmpty();
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
  }

  @Test
  @Order(3)
  void handleResetGoesBackToTheSeedOnly(CognitoSyncMock mock) {
    mock.reset();
    assertThat(mock.dataset(Sync.POOL, Sync.ID, "class")).isEmpty();
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
  }
}
