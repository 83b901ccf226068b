package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.SyncTriggerEvent;
import dev.cognitosyncmock.engine.SyncTriggerHandler;
import dev.cognitosyncmock.engine.SyncTriggerRecord;
import dev.cognitosyncmock.json.Json;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.InvalidLambdaFunctionOutputException;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.LambdaThrottledException;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import tools.jackson.databind.node.ObjectNode;

/** SEMANTICS G2 and G3: Cognito Events and the SyncTrigger handler standing in for the Lambda. */
class SyncTriggerTest extends PoolSdkTestSupport {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:sync-trigger";
  final List<SyncTriggerEvent> seen = new CopyOnWriteArrayList<>();

  void setTrigger(SyncTriggerHandler handler) {
    developer.setCognitoEvents(r -> r.identityPoolId(POOL).events(Map.of("SyncTrigger", LAMBDA)));
    service()
        .setSyncTriggerHandler(
            POOL,
            event -> {
              seen.add(event);
              return handler.handle(event);
            });
  }

  /** Upper-cases "name" and awards a badge. */
  static SyncTriggerEvent rewrite(SyncTriggerEvent event) {
    Map<String, SyncTriggerRecord> records = event.copyOfRecords();
    SyncTriggerRecord name = records.get("name");
    records.put("name", SyncTriggerRecord.replace(name.oldValue(), name.newValue().toUpperCase()));
    records.put("badge", SyncTriggerRecord.replace(null, "first-sync"));
    return event.withDatasetRecords(records);
  }

  private static Map<String, String> values(List<Record> records) {
    return records.stream()
        .filter(r -> r.value() != null)
        .collect(java.util.stream.Collectors.toMap(Record::key, Record::value));
  }

  @Test
  void G3_handlerRewritesValueAndAddsKey_visibleInUpdateAndListRecords() {
    start();
    setTrigger(SyncTriggerTest::rewrite);

    List<Record> written = write(identity, IDENTITY, "profile", null, "name", "ada");

    assertThat(values(written))
        .containsExactlyInAnyOrderEntriesOf(Map.of("name", "ADA", "badge", "first-sync"));
    assertThat(written).extracting(Record::syncCount).containsOnly(1L);
    List<Record> listed =
        developer
            .listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
            .records();
    assertThat(values(listed))
        .containsExactlyInAnyOrderEntriesOf(Map.of("name", "ADA", "badge", "first-sync"));
  }

  @Test
  void G3_eventCoversEveryRecordWithOldValuesAndOps() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada", "city", "London");
    setTrigger(event -> event);

    write(identity, IDENTITY, "profile", null, "name", "grace");

    SyncTriggerEvent event = seen.get(0);
    assertThat(event.version()).isEqualTo(2);
    assertThat(event.eventType()).isEqualTo("SyncTrigger");
    assertThat(event.region()).isEqualTo("us-east-1");
    assertThat(event.identityPoolId()).isEqualTo(POOL);
    assertThat(event.identityId()).isEqualTo(IDENTITY);
    assertThat(event.datasetName()).isEqualTo("profile");
    // G3: the unchanged key goes as "replace" with equal old and new values; no other op exists
    assertThat(event.datasetRecords())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", new SyncTriggerRecord("ada", "grace", "replace"),
                "city", new SyncTriggerRecord("London", "London", "replace")));
    assertThat(event.datasetRecords().values())
        .extracting(SyncTriggerRecord::op)
        .containsOnly("replace");
  }

  @Test
  void G3_unchangedKeysPassedBackAsTheyCameAreNotRewritten() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada", "city", "London"); // count 1
    setTrigger(event -> event);

    List<Record> written = write(identity, IDENTITY, "profile", null, "name", "grace");

    // only the client's change is written: "city" came back as replace London -> London
    assertThat(written).extracting(Record::key).containsExactly("name");
    List<Record> listed =
        developer
            .listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
            .records();
    assertThat(listed)
        .filteredOn(r -> r.key().equals("city"))
        .extracting(Record::syncCount)
        .containsExactly(1L);
  }

  @Test
  void G3_aHandlerChangingAnUnchangedKeyWritesIt() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada", "city", "London");
    setTrigger(
        event -> {
          Map<String, SyncTriggerRecord> records = event.copyOfRecords();
          records.put("city", SyncTriggerRecord.replace("London", "Paris"));
          return event.withDatasetRecords(records);
        });

    List<Record> written = write(identity, IDENTITY, "profile", null, "name", "grace");

    assertThat(values(written))
        .containsExactlyInAnyOrderEntriesOf(Map.of("name", "grace", "city", "Paris"));
    assertThat(written).extracting(Record::syncCount).containsOnly(2L);
  }

  @Test
  void G3_removeOpOrNullNewValueDeletesAndOmittedKeysStay() {
    start();
    write(developer, IDENTITY, "profile", null, "a", "1", "b", "2", "c", "3");
    setTrigger(
        event -> {
          Map<String, SyncTriggerRecord> records = event.copyOfRecords();
          records.put("a", SyncTriggerRecord.remove("1"));
          records.put("b", new SyncTriggerRecord("2", null, "replace"));
          records.remove("d"); // the client's change to d is dropped: d stays as it is
          return event.withDatasetRecords(records);
        });

    List<Record> written = write(identity, IDENTITY, "profile", null, "d", "4");

    assertThat(written).extracting(Record::key).containsExactlyInAnyOrder("a", "b");
    assertThat(written).allSatisfy(r -> assertThat(r.value()).isNull());
    List<Record> listed =
        developer
            .listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
            .records();
    assertThat(values(listed)).containsExactly(Map.entry("c", "3"));
  }

  @Test
  void G3_outputChangingMoreThanDatasetRecordsIsInvalidLambdaFunctionOutput() {
    start();
    setTrigger(
        event ->
            new SyncTriggerEvent(
                event.version(),
                event.eventType(),
                event.region(),
                event.identityPoolId(),
                event.identityId(),
                "another-dataset",
                event.datasetRecords()));

    assertThatThrownBy(() -> write(identity, IDENTITY, "profile", null, "name", "ada"))
        .isInstanceOf(InvalidLambdaFunctionOutputException.class)
        .satisfies(e -> assertThat(((CognitoSyncException) e).statusCode()).isEqualTo(400));
    assertThat(
            developer
                .listRecords(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
                .datasetExists())
        .isFalse();
  }

  @Test
  void G3_throttledHandlerIsLambdaThrottled429() {
    start();
    setTrigger(
        event -> {
          throw SyncTriggerHandler.throttled("Rate exceeded");
        });

    assertThatThrownBy(() -> write(identity, IDENTITY, "profile", null, "name", "ada"))
        .isInstanceOf(LambdaThrottledException.class)
        .satisfies(e -> assertThat(((CognitoSyncException) e).statusCode()).isEqualTo(429));
  }

  @Test
  void G3_slowHandlerIsLambdaSocketTimeout() {
    start(EngineSettings.DEFAULT.with(s -> s.syncTriggerTimeout = Duration.ofMillis(200)));
    setTrigger(
        event -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return event;
        });

    assertThatThrownBy(() -> write(identity, IDENTITY, "profile", null, "name", "ada"))
        .isInstanceOf(CognitoSyncException.class)
        .satisfies(
            e -> {
              CognitoSyncException c = (CognitoSyncException) e;
              assertThat(c.awsErrorDetails().errorCode()).isEqualTo("LambdaSocketTimeoutException");
              assertThat(c.statusCode()).isEqualTo(400);
            });
  }

  @Test
  void G3_conflictCheckStillAppliesAndTheHandlerIsNotCalled() {
    start();
    write(developer, IDENTITY, "profile", null, "name", "ada");
    setTrigger(SyncTriggerTest::rewrite);
    String token =
        identity
            .listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("profile"))
            .syncSessionToken();

    assertThatThrownBy(
            () ->
                identity.updateRecords(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("profile")
                            .syncSessionToken(token)
                            .recordPatches(
                                p -> p.op("replace").key("name").value("x").syncCount(0L))))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void G3_handlerRunsOnlyWhileTheSyncTriggerEventIsSet() {
    start();
    service().setSyncTriggerHandler(POOL, SyncTriggerTest::rewrite);

    assertThat(values(write(identity, IDENTITY, "profile", null, "name", "ada")))
        .containsExactly(Map.entry("name", "ada"));
  }

  @Test
  void G3_developerCallersSkipTheTriggerWhenTheSettingIsOff() {
    start(EngineSettings.DEFAULT.with(s -> s.syncTriggerForDeveloperCallers = false));
    setTrigger(SyncTriggerTest::rewrite);

    assertThat(values(write(developer, IDENTITY, "profile", null, "name", "ada")))
        .containsExactly(Map.entry("name", "ada"));
    assertThat(values(write(identity, IDENTITY, "other", null, "name", "ada")))
        .containsEntry("name", "ADA")
        .containsEntry("badge", "first-sync");
  }

  @Test
  void G3_syncTriggerUrlReceivesTheDocumentedEventJson() throws Exception {
    start();
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    lambda.createContext(
        "/trigger",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          bodies.add(new String(in, java.nio.charset.StandardCharsets.UTF_8));
          ObjectNode event = (ObjectNode) Json.MAPPER.readTree(in);
          ObjectNode records = (ObjectNode) event.get("datasetRecords");
          records.putObject("badge").put("newValue", "from-http").put("op", "replace");
          byte[] out = Json.MAPPER.writeValueAsBytes(event);
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    lambda.start();
    try {
      developer.setCognitoEvents(r -> r.identityPoolId(POOL).events(Map.of("SyncTrigger", LAMBDA)));
      admin(
          "POST",
          "/pool-settings",
          "{\"IdentityPoolId\":\""
              + POOL
              + "\",\"SyncTriggerUrl\":\"http://127.0.0.1:"
              + lambda.getAddress().getPort()
              + "/trigger\"}");

      List<Record> written = write(identity, IDENTITY, "profile", null, "name", "ada");

      assertThat(values(written)).containsEntry("badge", "from-http").containsEntry("name", "ada");
      assertThat(bodies)
          .singleElement()
          .asString()
          .contains(
              "\"version\":2",
              "\"eventType\":\"SyncTrigger\"",
              "\"datasetRecords\":{\"name\":{\"oldValue\":null,\"newValue\":\"ada\","
                  + "\"op\":\"replace\"}}");
    } finally {
      lambda.stop(0);
    }
  }

  @Test
  void G2_cognitoEventsRoundTripAndAnEmptyValueRemovesTheKey() {
    start();
    assertThat(developer.getCognitoEvents(r -> r.identityPoolId(POOL)).events()).isEmpty();

    developer.setCognitoEvents(r -> r.identityPoolId(POOL).events(Map.of("SyncTrigger", LAMBDA)));
    assertThat(developer.getCognitoEvents(r -> r.identityPoolId(POOL)).events())
        .containsExactly(Map.entry("SyncTrigger", LAMBDA));

    developer.setCognitoEvents(r -> r.identityPoolId(POOL).events(Map.of("SyncTrigger", "")));
    assertThat(developer.getCognitoEvents(r -> r.identityPoolId(POOL)).events()).isEmpty();
  }

  @Test
  void G2_unknownEventTypeIsInvalidParameter() {
    start();
    assertThatThrownBy(
            () ->
                developer.setCognitoEvents(
                    r -> r.identityPoolId(POOL).events(Map.of("DatasetDeleted", LAMBDA))))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void G2_moreThanOneEventIsInvalidParameter() {
    start();
    assertThatThrownBy(
            () ->
                developer.setCognitoEvents(
                    r ->
                        r.identityPoolId(POOL)
                            .events(Map.of("SyncTrigger", LAMBDA, "Other", LAMBDA))))
        .isInstanceOf(InvalidParameterException.class);
  }
}
