package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Every injection point: parameters and fields, static and instance, of every provided type. */
@CognitoSyncTest
class InjectionTest {
  @CognitoSyncInject static CognitoSyncMock staticMock;
  @CognitoSyncInject static CognitoSyncClient staticClient;
  @CognitoSyncInject static URI staticEndpoint;
  static CognitoSyncMock fromBeforeAll;

  @CognitoSyncInject CognitoSyncMock mock;
  @CognitoSyncInject CognitoSyncClient client;
  @CognitoSyncInject CognitoSyncAsyncClient asyncClient;
  @CognitoSyncInject URI endpoint;

  @BeforeAll
  static void beforeAll(CognitoSyncMock mock) {
    fromBeforeAll = mock;
  }

  @Test
  void staticFieldsAreSetBeforeBeforeAllMethods() {
    assertThat(staticMock).isNotNull().isSameAs(fromBeforeAll).isSameAs(mock);
    assertThat(staticClient).isSameAs(client);
    assertThat(staticEndpoint).isEqualTo(endpoint).isEqualTo(mock.endpoint());
  }

  @Test
  void endpointIsTheLocalPortOfTheMock(@CognitoSyncInject URI uri, CognitoSyncMock handle) {
    assertThat(uri).isEqualTo(URI.create("http://localhost:" + handle.port()));
    assertThat(handle.wireMock().isRunning()).isTrue();
  }

  @Test
  void syncClientParameterTalksToTheMock(CognitoSyncClient sync) {
    assertThat(sync).isSameAs(client); // one client per class, closed after it
    Sync.put(sync, "k", "v");
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void asyncClientParameterTalksToTheMock(CognitoSyncAsyncClient async) {
    assertThat(async).isSameAs(asyncClient);
    mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, Map.of("k", "seeded"));
    var records =
        async
            .listRecords(
                r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET))
            .join()
            .records();
    assertThat(records).extracting(Record::value).containsExactly("seeded");
  }
}
