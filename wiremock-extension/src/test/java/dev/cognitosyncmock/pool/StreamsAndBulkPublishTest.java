package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.KinesisSyncRecord;
import dev.cognitosyncmock.engine.StreamRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.AlreadyStreamedException;
import software.amazon.awssdk.services.cognitosync.model.BulkPublishStatus;
import software.amazon.awssdk.services.cognitosync.model.DuplicateRequestException;
import software.amazon.awssdk.services.cognitosync.model.GetBulkPublishDetailsResponse;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** SEMANTICS G5 (Cognito Streams) and G6 (BulkPublish). */
class StreamsAndBulkPublishTest extends PoolSdkTestSupport {
  static final String OTHER = "us-east-1:99999999-bbbb-cccc-dddd-eeeeeeeeeeee";

  private GetBulkPublishDetailsResponse details() {
    return developer.getBulkPublishDetails(r -> r.identityPoolId(POOL));
  }

  @Test
  void G5_eachWriteEmitsOneStreamRecordInTheDocumentedFormat() throws Exception {
    start();
    enableStreaming(StreamingStatus.ENABLED);

    write(developer, IDENTITY, "profile", null, "name", "ada", "city", "London");

    Instant now = clock.instant();
    assertThat(service().sideEffects().streamRecords(STREAM))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r)
                  .isEqualTo(
                      new StreamRecord(
                          POOL,
                          IDENTITY,
                          "profile",
                          "replace",
                          java.util.List.of(
                              new KinesisSyncRecord(
                                  "name",
                                  "ada",
                                  1,
                                  now.toEpochMilli(),
                                  now.toEpochMilli(),
                                  "replace"),
                              new KinesisSyncRecord(
                                  "city",
                                  "London",
                                  1,
                                  now.toEpochMilli(),
                                  now.toEpochMilli(),
                                  "replace")),
                          now.toEpochMilli(),
                          null,
                          "Inline",
                          1));
            });
    String json = admin("GET", "/stream-records", null);
    assertThat(json)
        .contains(
            "\"" + STREAM + "\":[",
            "\"dataSetName\":\"profile\"",
            "\"kinesisSyncRecordsURL\":null",
            "\"payloadType\":\"Inline\"",
            "\"lastModifiedDate\":" + now.toEpochMilli());

    admin("DELETE", "/stream-records", null);
    assertThat(service().sideEffects().streamRecords()).isEmpty();
  }

  @Test
  void G5_removalsAndDeletionsAreStreamedAsRemove() {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    write(developer, IDENTITY, "profile", null, "name", "ada");
    String token =
        developer
            .listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
            .syncSessionToken();
    developer.updateRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(IDENTITY)
                .datasetName("profile")
                .syncSessionToken(token)
                .recordPatches(p -> p.op("remove").key("name").syncCount(1L)));
    developer.deleteDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"));

    assertThat(service().sideEffects().streamRecords(STREAM))
        .extracting(StreamRecord::operation, StreamRecord::syncCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("replace", 1L),
            org.assertj.core.groups.Tuple.tuple("replace", 2L),
            org.assertj.core.groups.Tuple.tuple("remove", 2L));
    assertThat(service().sideEffects().streamRecords(STREAM).get(1).kinesisSyncRecords())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.op()).isEqualTo("remove");
              assertThat(k.value()).isNull();
            });
  }

  @Test
  void G5_nothingIsStreamedWhileStreamingIsDisabled() {
    start();
    enableStreaming(StreamingStatus.DISABLED);
    write(developer, IDENTITY, "profile", null, "name", "ada");
    assertThat(service().sideEffects().streamRecords()).isEmpty();
  }

  @Test
  void G6_notStartedBeforeAnyRun() {
    start();
    GetBulkPublishDetailsResponse d = details();
    assertThat(d.identityPoolId()).isEqualTo(POOL);
    assertThat(d.bulkPublishStatus()).isEqualTo(BulkPublishStatus.NOT_STARTED);
    assertThat(d.bulkPublishStartTime()).isNull();
  }

  @Test
  void G6_bulkPublishEmitsEveryExistingDatasetAndSucceeds() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada");
    write(developer, OTHER, "scores", null, "level", "7");
    write(developer, OTHER, "gone", null, "x", "y");
    developer.deleteDataset(r -> r.identityPoolId(POOL).identityId(OTHER).datasetName("gone"));
    enableStreaming(StreamingStatus.ENABLED);

    assertThat(developer.bulkPublish(r -> r.identityPoolId(POOL)).identityPoolId()).isEqualTo(POOL);

    assertThat(service().sideEffects().streamRecords(STREAM))
        .extracting(StreamRecord::identityId, StreamRecord::dataSetName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(IDENTITY, "profile"),
            org.assertj.core.groups.Tuple.tuple(OTHER, "scores"));
    GetBulkPublishDetailsResponse d = details();
    assertThat(d.bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
    assertThat(d.bulkPublishStartTime()).isEqualTo(clock.instant());
    assertThat(d.bulkPublishCompleteTime()).isEqualTo(clock.instant());
    assertThat(d.failureMessage()).isNull();
  }

  @Test
  void G6_secondBulkPublishWithin24HoursIsAlreadyStreamed() {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    developer.bulkPublish(r -> r.identityPoolId(POOL));
    clock.advance(Duration.ofHours(23));

    assertThatThrownBy(() -> developer.bulkPublish(r -> r.identityPoolId(POOL)))
        .isInstanceOf(AlreadyStreamedException.class)
        .satisfies(e -> assertThat(((AlreadyStreamedException) e).statusCode()).isEqualTo(400));

    clock.advance(Duration.ofHours(1));
    developer.bulkPublish(r -> r.identityPoolId(POOL));
    assertThat(details().bulkPublishStartTime()).isEqualTo(clock.instant());
  }

  @Test
  void G6_inProgressUntilTheDurationPassesAndDuplicatesAreRefused() {
    start(EngineSettings.DEFAULT.with(s -> s.bulkPublishDuration = Duration.ofMinutes(10)));
    enableStreaming(StreamingStatus.ENABLED);
    Instant start = clock.instant();
    developer.bulkPublish(r -> r.identityPoolId(POOL));

    assertThat(details().bulkPublishStatus()).isEqualTo(BulkPublishStatus.IN_PROGRESS);
    assertThat(details().bulkPublishCompleteTime()).isNull();
    assertThatThrownBy(() -> developer.bulkPublish(r -> r.identityPoolId(POOL)))
        .isInstanceOf(DuplicateRequestException.class);

    clock.advance(Duration.ofMinutes(10));
    GetBulkPublishDetailsResponse d = details();
    assertThat(d.bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
    assertThat(d.bulkPublishStartTime()).isEqualTo(start);
    assertThat(d.bulkPublishCompleteTime()).isEqualTo(start.plus(Duration.ofMinutes(10)));
  }

  @Test
  void G6_withStreamingDisabledTheRunIsRecordedFailed() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada");
    enableStreaming(StreamingStatus.DISABLED);

    developer.bulkPublish(r -> r.identityPoolId(POOL));

    GetBulkPublishDetailsResponse d = details();
    assertThat(d.bulkPublishStatus()).isEqualTo(BulkPublishStatus.FAILED);
    assertThat(d.failureMessage()).contains("not enabled");
    assertThat(d.bulkPublishCompleteTime()).isNull();
    assertThat(service().sideEffects().streamRecords()).isEmpty();

    // a failed run does not count against the 24 hours
    enableStreaming(StreamingStatus.ENABLED);
    developer.bulkPublish(r -> r.identityPoolId(POOL));
    assertThat(details().bulkPublishStatus()).isEqualTo(BulkPublishStatus.SUCCEEDED);
    assertThat(service().sideEffects().streamRecords(STREAM)).hasSize(1);
  }
}
