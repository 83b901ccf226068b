package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.IDENTITY;
import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static dev.cognitosyncmock.faults.FaultTestSupport.admin;
import static dev.cognitosyncmock.faults.FaultTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Record a sync session into a scenario file, mark step 3 as TooManyRequestsException (B7) by
 * editing the file, replay it against a fresh mock: the fault fires at step 3 only and every other
 * call is answered from state.
 */
class ScenarioRecordAndReplayTest {

  /** The outcome of one call: its status and error type (null on success). */
  record Outcome(int status, String errorType) {}

  /** A settings sync of five calls, run step by step; failures are noted, not thrown. */
  static List<Outcome> syncSession(CognitoSyncClient c) {
    List<Outcome> outcomes = new ArrayList<>();
    String[] token = new String[1];
    step(
        outcomes,
        c,
        x ->
            token[0] =
                x.listRecords(
                        r ->
                            r.identityPoolId(POOL)
                                .identityId(IDENTITY)
                                .datasetName("settings")
                                .lastSyncCount(0L))
                    .syncSessionToken());
    step(
        outcomes,
        c,
        x ->
            x.updateRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(IDENTITY)
                        .datasetName("settings")
                        .syncSessionToken(token[0])
                        .recordPatches(
                            RecordPatch.builder()
                                .op(Operation.REPLACE)
                                .key("theme")
                                .value("dark")
                                .syncCount(0L)
                                .build())));
    step(
        outcomes,
        c,
        x ->
            x.listRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(IDENTITY)
                        .datasetName("settings")
                        .lastSyncCount(1L)));
    step(
        outcomes,
        c,
        x ->
            x.updateRecords(
                r ->
                    r.identityPoolId(POOL)
                        .identityId(IDENTITY)
                        .datasetName("settings")
                        .syncSessionToken(token[0])
                        .recordPatches(
                            RecordPatch.builder()
                                .op(Operation.REPLACE)
                                .key("font")
                                .value("large")
                                .syncCount(0L)
                                .build())));
    step(
        outcomes,
        c,
        x ->
            x.describeDataset(
                r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")));
    return outcomes;
  }

  static void step(
      List<Outcome> outcomes, CognitoSyncClient c, Function<CognitoSyncClient, Object> call) {
    try {
      call.apply(c);
      outcomes.add(new Outcome(200, null));
    } catch (AwsServiceException e) {
      outcomes.add(new Outcome(e.statusCode(), e.awsErrorDetails().errorCode()));
    }
  }

  @Test
  void B7_recordMarkStepThreeAndReplayTheFaultFiresThereOnly(@TempDir Path dir) throws Exception {
    // 1. record
    Path file = dir.resolve("settings-sync.json");
    List<Outcome> recordedOutcomes;
    try (CognitoSyncServer recording = CognitoSyncServer.builder().build().start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(recording.endpoint())) {
      assertThat(
              send("POST", admin(recording) + "/recordings/start", "{\"name\": \"settings sync\"}")
                  .statusCode())
          .isEqualTo(200);
      recordedOutcomes = syncSession(client);
      HttpResponse<String> stopped = send("POST", admin(recording) + "/recordings/stop", "");
      assertThat(stopped.statusCode()).isEqualTo(200);
      Files.writeString(file, stopped.body());
    }
    assertThat(recordedOutcomes).containsOnly(new Outcome(200, null));

    JsonNode scenario = Json.MAPPER.readTree(file.toFile());
    assertThat(scenario.get("name").asString()).isEqualTo("settings sync");
    assertThat(scenario.get("steps"))
        .extracting(s -> s.get("operation").asString())
        .containsExactly(
            "ListRecords", "UpdateRecords", "ListRecords", "UpdateRecords", "DescribeDataset");
    JsonNode step2 = scenario.get("steps").get(1);
    assertThat(step2.get("step").asInt()).isEqualTo(2);
    assertThat(step2.get("datasetName").asString()).isEqualTo("settings");
    assertThat(step2.get("status").asInt()).isEqualTo(200);
    assertThat(step2.at("/request/RecordPatches/0").toString())
        .isEqualTo("{\"Op\":\"replace\",\"Key\":\"theme\",\"SyncCount\":0}"); // no value
    assertThat(step2.has("errorType")).isFalse();
    assertThat(scenario.get("steps").get(2).at("/request/LastSyncCount").asLong()).isEqualTo(1);

    // 2. a user marks step 3 in the file
    ((ObjectNode) scenario.get("steps").get(2))
        .set("fault", Json.MAPPER.readTree("{\"error\": \"TooManyRequestsException\"}"));
    Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(scenario));

    // 3. replay against a fresh mock, the scenario loaded through the admin API
    try (CognitoSyncServer replay = CognitoSyncServer.builder().build().start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(replay.endpoint())) {
      HttpResponse<String> loaded =
          send("POST", admin(replay) + "/scenario", Files.readString(file));
      assertThat(loaded.statusCode()).isEqualTo(200);
      assertThat(Json.MAPPER.readTree(loaded.body()).get("faultSteps").toString()).isEqualTo("[3]");

      List<Outcome> replayed = syncSession(client);

      assertThat(replayed)
          .containsExactly(
              new Outcome(200, null),
              new Outcome(200, null),
              new Outcome(429, "TooManyRequestsException"),
              new Outcome(200, null),
              new Outcome(200, null));
      // answered from state: both writes landed, in order
      assertThat(
              replay
                  .service()
                  .engine()
                  .listRecords(
                      dev.cognitosyncmock.engine.Caller.developer(),
                      new dev.cognitosyncmock.engine.DatasetKey(POOL, IDENTITY, "settings"),
                      0L,
                      null,
                      null)
                  .records())
          .extracting(r -> r.key() + "@" + r.syncCount())
          .containsExactly("theme@1", "font@2");
      JsonNode progress =
          Json.MAPPER.readTree(send("GET", admin(replay) + "/scenario", null).body());
      assertThat(progress.get("position").asInt()).isEqualTo(5);
      assertThat(progress.get("fired"))
          .singleElement()
          .satisfies(f -> assertThat(f.get("step").asInt()).isEqualTo(3));
      assertThat(progress.get("divergences")).isEmpty();
      // a sixth call is past the scenario: answered as usual
      assertThat(client.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)).datasets())
          .hasSize(1);
    }
  }

  @Test
  void B7_aScenarioGivenAtStartUpReplaysFromTheFirstCall(@TempDir Path dir) throws Exception {
    Scenario recorded;
    try (CognitoSyncServer recording = CognitoSyncServer.builder().build().start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(recording.endpoint())) {
      recording.service().faults().startRecording("java api");
      syncSession(client);
      recorded = recording.service().faults().stopRecording();
    }
    Path file = dir.resolve("scenario.json");
    Files.write(
        file,
        ScenarioJson.scenarioFile(
            recorded.withFault(
                3,
                FaultAction.error(
                    dev.cognitosyncmock.engine.ErrorShape.TooManyRequestsException))));

    // what --scenario-file does
    try (CognitoSyncServer replay =
            CognitoSyncServer.builder()
                .service(
                    CognitoSyncService.builder().scenario(ScenarioJson.readScenario(file)).build())
                .build()
                .start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(replay.endpoint())) {
      assertThat(syncSession(client))
          .extracting(Outcome::status)
          .containsExactly(200, 200, 429, 200, 200);
    }
  }

  @Test
  void aStepWhoseCallIsAnotherOperationIsReportedAndNotFaulted() throws Exception {
    Scenario scenario =
        ScenarioJson.readScenario(
            """
        {"name": "drifted", "steps": [
          {"step": 1, "operation": "ListRecords"},
          {"step": 2, "operation": "UpdateRecords",
           "fault": {"error": "TooManyRequestsException"}},
          {"step": 3, "operation": "ListDatasets", "fault": {"error": "InternalErrorException"}}
        ]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (CognitoSyncServer replay = CognitoSyncServer.builder().build().start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(replay.endpoint())) {
      replay.service().faults().loadScenario(scenario);
      List<Outcome> outcomes = new ArrayList<>();
      step(
          outcomes,
          client,
          x ->
              x.listRecords(
                  r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")));
      // step 2 should have been UpdateRecords: not faulted, reported
      step(
          outcomes,
          client,
          x -> x.describeIdentityUsage(r -> r.identityPoolId(POOL).identityId(IDENTITY)));
      step(outcomes, client, x -> x.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY)));
      assertThat(outcomes).extracting(Outcome::status).containsExactly(200, 200, 500);
      ScenarioReplay.Status status = replay.service().faults().replayStatus().orElseThrow();
      assertThat(status.divergences())
          .containsExactly(
              new ScenarioReplay.Divergence(2, "UpdateRecords", "DescribeIdentityUsage"));
      assertThat(status.fired()).extracting(ScenarioReplay.FiredStep::step).containsExactly(3);
    }
  }

  @Test
  void refusesAScenarioWhoseMarkedFaultDoesNotFitItsStep() throws Exception {
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      HttpResponse<String> refused =
          send(
              "POST",
              admin(server) + "/scenario",
              """
          {"steps": [{"step": 1, "operation": "ListRecords",
                      "fault": {"error": "ResourceConflictException"}}]}""");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("Step 1").contains("does not model");
      assertThat(
              send(
                      "POST",
                      admin(server) + "/scenario",
                      """
          {"steps": [{"step": 1, "operation": "UpdateRecords",
                      "fault": {"rateLimit": {"perSecond": 1}}}]}""")
                  .statusCode())
          .isEqualTo(400);
      assertThat(
              send(
                      "POST",
                      admin(server) + "/scenario",
                      """
          {"steps": [{"step": 1, "operation": "UpdateRecords", "faults": {}}]}""")
                  .statusCode())
          .isEqualTo(400);
      assertThat(send("GET", admin(server) + "/scenario", null).statusCode()).isEqualTo(404);
      assertThat(send("POST", admin(server) + "/recordings/stop", "").statusCode()).isEqualTo(409);
    }
  }
}
