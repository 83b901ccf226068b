package dev.cognitosyncmock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.Quotas;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.DescribeDatasetResponse;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;
import software.amazon.awssdk.services.cognitosync.model.ListDatasetsResponse;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/**
 * The six dataset operations through the real AWS SDK v2 client: success paths and every modeled
 * error reachable without fault injection. Rule ids refer to SEMANTICS.md.
 */
class DatasetOperationsSdkTest extends SdkTestBase {

  @Test
  void B3_D1_A6_listRecordsOnMissingDatasetAnswersEmptyWithToken() {
    ListRecordsResponse r = list(client(), "settings", 0);
    assertThat(r.records()).isEmpty();
    assertThat(r.count()).isZero();
    assertThat(r.datasetSyncCount()).isZero();
    assertThat(r.datasetExists()).isFalse();
    assertThat(r.datasetDeletedAfterRequestedSyncCount()).isFalse();
    assertThat(r.syncSessionToken()).startsWith("H4sI");
    assertThat(r.responseMetadata().requestId()).isNotBlank();
  }

  @Test
  void C1_C4_C5_updateRecordsWritesAndListRecordsReadsBack() {
    CognitoSyncClient c = client();
    String token = list(c, "settings", 0).syncSessionToken();
    Instant device = Instant.parse("2024-03-04T05:06:07.250Z");
    UpdateRecordsResponse u =
        c.updateRecords(
            r ->
                r.identityPoolId(POOL)
                    .identityId(IDENTITY)
                    .datasetName("settings")
                    .syncSessionToken(token)
                    .deviceId("device-1")
                    .clientContext("ignored")
                    .recordPatches(
                        RecordPatch.builder()
                            .op(Operation.REPLACE)
                            .key("theme")
                            .value("dark")
                            .syncCount(0L)
                            .deviceLastModifiedDate(device)
                            .build(),
                        RecordPatch.builder()
                            .op(Operation.REPLACE)
                            .key("lang")
                            .value("fr")
                            .syncCount(0L)
                            .build()));

    assertThat(u.records()).extracting(Record::key).containsExactly("theme", "lang");
    Record theme = u.records().get(0);
    assertThat(theme.value()).isEqualTo("dark");
    assertThat(theme.syncCount()).isEqualTo(1);
    assertThat(theme.lastModifiedBy()).isEqualTo("123456789012");
    assertThat(theme.lastModifiedDate()).isNotNull();
    assertThat(theme.deviceLastModifiedDate()).isEqualTo(device);

    ListRecordsResponse after = list(c, "settings", 0);
    assertThat(after.datasetExists()).isTrue();
    assertThat(after.datasetSyncCount()).isEqualTo(1);
    assertThat(after.count()).isEqualTo(2);
    assertThat(after.lastModifiedBy()).isEqualTo("123456789012");
    assertThat(after.records())
        .extracting(Record::key, Record::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lang", "fr"),
            org.assertj.core.groups.Tuple.tuple("theme", "dark"));
  }

  @Test
  void C3_removeLeavesTombstoneWithoutValue() {
    CognitoSyncClient c = client();
    put(c, "settings", list(c, "settings", 0).syncSessionToken(), "theme", "dark", 0);
    String token = list(c, "settings", 1).syncSessionToken();
    UpdateRecordsResponse u =
        c.updateRecords(
            r ->
                r.identityPoolId(POOL)
                    .identityId(IDENTITY)
                    .datasetName("settings")
                    .syncSessionToken(token)
                    .recordPatches(
                        RecordPatch.builder()
                            .op(Operation.REMOVE)
                            .key("theme")
                            .syncCount(1L)
                            .build()));
    assertThat(u.records())
        .singleElement()
        .satisfies(
            rec -> {
              assertThat(rec.value()).isNull();
              assertThat(rec.syncCount()).isEqualTo(2);
            });
    ListRecordsResponse delta = list(c, "settings", 1);
    assertThat(delta.records()).singleElement().satisfies(rec -> assertThat(rec.value()).isNull());
  }

  @Test
  void C2_A1_staleSyncCountAnswers409WithTheRealMessage() {
    CognitoSyncClient c = client();
    String token = list(c, "settings", 0).syncSessionToken();
    put(c, "settings", token, "user", "a", 0);
    assertThatThrownBy(() -> put(c, "settings", token, "user", "b", 0))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Current SyncCount for: user is: 1 not: 0");
              assertThat(e.requestId()).isNotBlank();
            });
  }

  @Test
  void D3_updateWithTokenOfAnotherDatasetIsRefused() {
    CognitoSyncClient c = client();
    String otherToken = list(c, "other", 0).syncSessionToken();
    assertThatThrownBy(() -> put(c, "settings", otherToken, "k", "v", 0))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("SyncSessionToken not valid for these inputs");
            });
    assertThat(list(c, "settings", 0).datasetExists()).isFalse();
  }

  @Test
  void B7_updateBeyondTheRecordQuotaIsRefusedAndWritesNothing() {
    CognitoSyncServer small =
        startServer(EngineSettings.DEFAULT.with(s -> s.quotas = new Quotas(20, 2, 1024)));
    try {
      CognitoSyncClient c = client(small, b -> {});
      String token = list(c, "settings", 0).syncSessionToken();
      List<RecordPatch> three = new ArrayList<>();
      for (String k : List.of("a", "b", "c")) {
        three.add(
            RecordPatch.builder().op(Operation.REPLACE).key(k).value("v").syncCount(0L).build());
      }
      assertThatThrownBy(
              () ->
                  c.updateRecords(
                      r ->
                          r.identityPoolId(POOL)
                              .identityId(IDENTITY)
                              .datasetName("settings")
                              .syncSessionToken(token)
                              .recordPatches(three)))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
      assertThat(list(c, "settings", 0).datasetExists()).isFalse();
    } finally {
      small.stop();
    }
  }

  @Test
  void B7_twentyFirstDatasetIsRefused() {
    CognitoSyncClient c = client();
    for (int i = 0; i < 20; i++) {
      String name = "ds" + i;
      put(c, name, list(c, name, 0).syncSessionToken(), "k", "v", 0);
    }
    String token = list(c, "ds20", 0).syncSessionToken();
    assertThatThrownBy(() -> put(c, "ds20", token, "k", "v", 0))
        .isInstanceOf(LimitExceededException.class);
    assertThat(c.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)).count())
        .isEqualTo(20);
  }

  @Test
  void B4_describeDatasetGivesMetadata() {
    CognitoSyncClient c = client();
    put(c, "settings", list(c, "settings", 0).syncSessionToken(), "theme", "dark", 0);
    DescribeDatasetResponse d =
        c.describeDataset(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"));
    Dataset ds = d.dataset();
    assertThat(ds.identityId()).isEqualTo(IDENTITY);
    assertThat(ds.datasetName()).isEqualTo("settings");
    assertThat(ds.numRecords()).isEqualTo(1);
    assertThat(ds.dataStorage()).isEqualTo("theme".length() + "dark".length());
    assertThat(ds.creationDate()).isNotNull();
    assertThat(ds.lastModifiedDate()).isNotNull();
    assertThat(ds.lastModifiedBy()).isEqualTo("123456789012");
  }

  @Test
  void B2_describeAndDeleteOfMissingDatasetAnswer404() {
    CognitoSyncClient c = client();
    assertThatThrownBy(
            () ->
                c.describeDataset(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("nope")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThatThrownBy(
            () ->
                c.deleteDataset(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void B5_E1_deleteDatasetAnswersMetadataAndForgetsIt() {
    CognitoSyncClient c = client();
    put(c, "settings", list(c, "settings", 0).syncSessionToken(), "theme", "dark", 0);
    Dataset before =
        c.deleteDataset(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"))
            .dataset();
    assertThat(before.numRecords()).isEqualTo(1);
    assertThat(c.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)).datasets())
        .isEmpty();
    assertThatThrownBy(
            () ->
                c.describeDataset(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")))
        .isInstanceOf(ResourceNotFoundException.class);
    ListRecordsResponse r = list(c, "settings", 1);
    assertThat(r.datasetExists()).isFalse();
    assertThat(r.datasetDeletedAfterRequestedSyncCount()).isTrue();
  }

  @Test
  void B6_listDatasetsPagesWithOpaqueTokens() {
    CognitoSyncClient c = client();
    for (String name : List.of("a", "b", "c")) {
      put(c, name, list(c, name, 0).syncSessionToken(), "k", "v", 0);
    }
    ListDatasetsResponse first =
        c.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY).maxResults(2));
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.datasets()).extracting(Dataset::datasetName).containsExactly("a", "b");
    assertThat(first.nextToken()).isNotNull();
    ListDatasetsResponse second =
        c.listDatasets(
            r ->
                r.identityPoolId(POOL)
                    .identityId(IDENTITY)
                    .maxResults(2)
                    .nextToken(first.nextToken()));
    assertThat(second.datasets()).extracting(Dataset::datasetName).containsExactly("c");
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(
            () ->
                c.listDatasets(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(OTHER_IDENTITY)
                            .nextToken(first.nextToken())))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("NextToken"));
  }

  @Test
  void C7_listRecordsPagesWithMaxResultsAndTokensThatNeedPercentEncoding() {
    CognitoSyncClient c = client();
    String token = list(c, "settings", 0).syncSessionToken();
    List<RecordPatch> patches = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      patches.add(
          RecordPatch.builder()
              .op(Operation.REPLACE)
              .key("key-" + i)
              .value("v" + i)
              .syncCount(0L)
              .build());
    }
    c.updateRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(IDENTITY)
                .datasetName("settings")
                .syncSessionToken(token)
                .recordPatches(patches));
    List<String> keys = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      String from = next;
      ListRecordsResponse page =
          c.listRecords(
              r ->
                  r.identityPoolId(POOL)
                      .identityId(IDENTITY)
                      .datasetName("settings")
                      .lastSyncCount(0L)
                      .maxResults(10)
                      .nextToken(from));
      assertThat(page.count()).isEqualTo(page.records().size());
      page.records().forEach(rec -> keys.add(rec.key()));
      next = page.nextToken();
      pages++;
    } while (next != null);
    assertThat(pages).isEqualTo(3);
    assertThat(keys).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void G7_describeIdentityUsageCountsDatasetsAndBytes() {
    CognitoSyncClient c = client();
    put(c, "settings", list(c, "settings", 0).syncSessionToken(), "theme", "dark", 0);
    var usage =
        c.describeIdentityUsage(r -> r.identityPoolId(POOL).identityId(IDENTITY)).identityUsage();
    assertThat(usage.identityId()).isEqualTo(IDENTITY);
    assertThat(usage.identityPoolId()).isEqualTo(POOL);
    assertThat(usage.datasetCount()).isEqualTo(1);
    assertThat(usage.dataStorage()).isEqualTo(9);
    assertThat(usage.lastModifiedDate()).isNotNull();
  }

  @Test
  void A5_invalidPathLabelsAnswerInvalidParameterForEveryOperation() {
    CognitoSyncClient c = client();
    String badPool = "no-colon-here";
    List<Runnable> calls =
        List.of(
            () ->
                c.listRecords(r -> r.identityPoolId(badPool).identityId(IDENTITY).datasetName("d")),
            () ->
                c.updateRecords(
                    r ->
                        r.identityPoolId(badPool)
                            .identityId(IDENTITY)
                            .datasetName("d")
                            .syncSessionToken("t")),
            () ->
                c.describeDataset(
                    r -> r.identityPoolId(badPool).identityId(IDENTITY).datasetName("d")),
            () ->
                c.deleteDataset(
                    r -> r.identityPoolId(badPool).identityId(IDENTITY).datasetName("d")),
            () -> c.listDatasets(r -> r.identityPoolId(badPool).identityId(IDENTITY)),
            () -> c.describeIdentityUsage(r -> r.identityPoolId(badPool).identityId(IDENTITY)));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              InvalidParameterException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage())
                    .contains("'IdentityPoolId'")
                    .contains("regular expression pattern");
              });
    }
  }

  @Test
  void G7_strictPoolsAnswer404ForUnknownPoolsWhereModeled() {
    CognitoSyncServer strict = startServer(EngineSettings.DEFAULT.with(s -> s.strictPools = true));
    try {
      CognitoSyncClient c = client(strict, b -> {});
      assertThatThrownBy(
              () -> c.describeIdentityUsage(r -> r.identityPoolId(POOL).identityId(IDENTITY)))
          .isInstanceOfSatisfying(
              ResourceNotFoundException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains(POOL));
      assertThatThrownBy(
              () ->
                  c.updateRecords(
                      r ->
                          r.identityPoolId(POOL)
                              .identityId(IDENTITY)
                              .datasetName("d")
                              .syncSessionToken("H4sI")))
          .isInstanceOf(AwsServiceException.class);
      // ListRecords does not model ResourceNotFoundException: answered as InvalidParameterException
      assertThatThrownBy(() -> list(c, "d", 0)).isInstanceOf(InvalidParameterException.class);
      strict.service().engine().createIdentityPool(POOL);
      String token = list(c, "d", 0).syncSessionToken();
      assertThat(put(c, "d", token, "k", "v", 0).records()).hasSize(1);
    } finally {
      strict.stop();
    }
  }
}
