package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** An instance-field @RegisterExtension starts a fresh mock (and client) for every test. */
class InstanceFieldRegistrationTest {
  static final Set<Object> HANDLES = new HashSet<>();
  static final Set<Object> CLIENTS = new HashSet<>();

  @RegisterExtension CognitoSyncExtension ext = CognitoSyncExtension.newInstance().build();

  @RepeatedTest(3)
  void eachTestHasItsOwnMock(CognitoSyncMock mock, CognitoSyncClient sync) {
    assertThat(ext.mock()).isSameAs(mock);
    assertThat(mock.identityPools()).isEmpty();
    Sync.put(sync, "k", "v");
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "v"));
    HANDLES.add(mock);
    CLIENTS.add(sync);
  }

  @AfterAll
  static void threeMocksWereStarted() {
    assertThat(HANDLES).hasSize(3);
    assertThat(CLIENTS).hasSize(3);
  }
}
