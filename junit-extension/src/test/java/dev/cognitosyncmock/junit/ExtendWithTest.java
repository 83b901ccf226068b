package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** Plain @ExtendWith: defaults; a @Nested class shares its outer class's mock. */
@ExtendWith(CognitoSyncExtension.class)
class ExtendWithTest {
  static int outerPort;

  @Test
  void startsWithDefaults(CognitoSyncMock mock, CognitoSyncClient sync) {
    outerPort = mock.port();
    assertThat(mock.clock().getClass().getSimpleName()).isNotEqualTo("MutableClock");
    Sync.put(sync, "a", "1"); // pools are registered on first use by default
    assertThat(mock.identityPools()).containsExactly(Sync.POOL);
  }

  @Test
  void eachTestStartsEmpty(CognitoSyncMock mock) {
    assertThat(mock.identityPools()).isEmpty();
    assertThat(mock.requests()).isEmpty();
  }

  @Nested
  class Inner {
    @Test
    void sharesTheOuterMock(CognitoSyncMock mock, CognitoSyncClient sync) {
      assertThat(mock.port()).isPositive();
      if (outerPort != 0) {
        assertThat(mock.port()).isEqualTo(outerPort);
      }
      Sync.put(sync, "b", "2");
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("b", "2"));
    }
  }
}
