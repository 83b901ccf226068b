package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.DatasetInfo;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.SyncRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** The handle seeds and reads state in Java terms and reports what it received. */
@CognitoSyncTest(clockStart = "2024-01-01T00:00:00Z", sequentialIds = true)
class ControlHandleTest {
  static final String OTHER = "us-east-1:00000000-0000-0000-0000-00000000000b";

  @Test
  void seededRecordsAreSyncedDownByTheClient(CognitoSyncMock mock, CognitoSyncClient sync) {
    mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, Map.of("k", "v"));
    assertThat(Sync.records(sync))
        .extracting(r -> r.key() + "=" + r.value())
        .containsExactly("k=v");
  }

  @Test
  void recordsIncludeTombstonesAndValuesDoNot(CognitoSyncMock mock) {
    mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, Map.of("a", "1", "b", "2"));
    Map<String, String> removeB = new HashMap<>();
    removeB.put("b", null);
    mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, removeB);
    assertThat(mock.records(Sync.POOL, Sync.ID, Sync.DATASET))
        .extracting(SyncRecord::key, SyncRecord::isTombstone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", false),
            org.assertj.core.groups.Tuple.tuple("b", true));
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void datasetsAndMetadata(CognitoSyncMock mock) {
    mock.seed(Sync.POOL, Sync.ID, "one", Map.of("k", "v"));
    mock.seed(Sync.POOL, Sync.ID, "two", Map.of("k", "v"));
    DatasetInfo one = mock.dataset(Sync.POOL, Sync.ID, "one").orElseThrow();
    assertThat(one.numRecords()).isEqualTo(1);
    assertThat(one.creationDate()).isEqualTo(mock.clock().instant());
    assertThat(mock.datasets(Sync.POOL, Sync.ID))
        .extracting(DatasetInfo::datasetName)
        .containsExactly("one", "two");
    assertThat(mock.identityPools()).containsExactly(Sync.POOL);
    assertThat(mock.identities(Sync.POOL)).containsExactly(Sync.ID);
  }

  @Test
  void readingNeverRegistersAPool(CognitoSyncMock mock) {
    assertThat(mock.dataset("us-east-1:00000000-0000-0000-0000-0000000000ff", Sync.ID, "x"))
        .isEmpty();
    assertThat(mock.datasets("us-east-1:00000000-0000-0000-0000-0000000000ff", Sync.ID)).isEmpty();
    assertThat(mock.records(Sync.POOL, Sync.ID, "x")).isEmpty();
    assertThat(mock.hasIdentityPool("us-east-1:00000000-0000-0000-0000-0000000000ff")).isFalse();
    assertThat(mock.identityPools()).isEmpty();
  }

  @Test
  void exportAndImportRoundTrip(CognitoSyncMock mock, @TempDir Path dir) throws Exception {
    mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, Map.of("k", "v"));
    EngineSnapshot saved = mock.exportState();
    mock.reset();
    assertThat(mock.identityPools()).isEmpty();
    mock.importState(saved);
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "v"));

    Path file = dir.resolve("state.json");
    Files.copy(Path.of(getClass().getResource("/seed-state.json").toURI()), file);
    mock.importState(file);
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
  }

  @Test
  void createIdentityPoolAndMergeIdentities(CognitoSyncMock mock) {
    mock.createIdentityPool("us-east-1:00000000-0000-0000-0000-0000000000cc");
    assertThat(mock.hasIdentityPool("us-east-1:00000000-0000-0000-0000-0000000000cc")).isTrue();

    mock.seed(Sync.POOL, OTHER, "games", Map.of("level", "3"));
    assertThat(mock.mergeIdentities(Sync.POOL, Sync.ID, OTHER)).containsExactly("games." + OTHER);
    assertThat(mock.values(Sync.POOL, Sync.ID, "games." + OTHER)).isEqualTo(Map.of("level", "3"));
    assertThat(mock.identities(Sync.POOL)).containsExactly(Sync.ID);
    assertThat(mock.dataset(Sync.POOL, Sync.ID, "games." + OTHER)).isPresent();
    assertThat(mock.records(Sync.POOL, Sync.ID, "games." + OTHER))
        .extracting(SyncRecord::syncCount)
        .containsOnly(1L); // E6
  }

  @Test
  void G5_streamLostTurnsStreamingOffWithAReason(CognitoSyncMock mock, CognitoSyncClient sync) {
    sync.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(Sync.POOL)
                .cognitoStreams(
                    s ->
                        s.streamName("sync-stream")
                            .roleArn("arn:aws:iam::123456789012:role/Streams")
                            .streamingStatus("ENABLED")));
    mock.streamLost(Sync.POOL, "stream deleted");
    assertThat(
            sync.getIdentityPoolConfiguration(r -> r.identityPoolId(Sync.POOL))
                .cognitoStreams()
                .streamingStatusAsString())
        .isEqualTo("DISABLED");
    assertThat(
            mock.engine()
                .getIdentityPoolConfiguration(
                    dev.cognitosyncmock.engine.Caller.developer(), Sync.POOL)
                .cognitoStreams()
                .disabledReason())
        .isEqualTo("stream deleted");
  }

  @Test
  void requestsReceivedNameTheirOperationAndStatus(CognitoSyncMock mock, CognitoSyncClient sync) {
    Sync.put(sync, "k", "v");
    assertThatThrownBy(
            () ->
                sync.describeDataset(
                    r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName("missing")))
        .isNotNull();
    assertThat(mock.requests())
        .extracting(ReceivedRequest::method, ReceivedRequest::operation, ReceivedRequest::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "ListRecords", 200),
            org.assertj.core.groups.Tuple.tuple("POST", "UpdateRecords", 200),
            org.assertj.core.groups.Tuple.tuple("GET", "DescribeDataset", 404));
    assertThat(mock.requests("UpdateRecords"))
        .singleElement()
        .satisfies(r -> assertThat(r.url()).contains("/datasets/prefs"));
  }
}
