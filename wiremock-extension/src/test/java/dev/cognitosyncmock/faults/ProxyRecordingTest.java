package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.IDENTITY;
import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.wiremock.CognitoSyncRecording;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * Proxy recording: a second mock instance stands in for AWS; the recording mock proxies every call
 * to it with WireMock's recorder, and the mappings it writes answer a later run of the same client
 * exactly as the "real" service did, although that run signs with another date and sends other
 * device dates (SigV4 headers and dates are not matched).
 */
class ProxyRecordingTest {
  static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  /**
   * A sync session with a conflict and repeated identical requests; answers a transcript of what
   * the client saw (SDK responses print every modeled member).
   */
  static List<String> session(CognitoSyncClient c) {
    List<String> seen = new ArrayList<>();
    String[] token = new String[1];
    call(
        seen,
        () -> {
          var r =
              c.listRecords(
                  b -> b.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"));
          token[0] = r.syncSessionToken();
          return r;
        });
    RecordPatch patch =
        RecordPatch.builder()
            .op(Operation.REPLACE)
            .key("theme")
            .value("dark")
            .syncCount(0L)
            .deviceLastModifiedDate(Instant.now())
            .build(); // differs run to run
    call(
        seen,
        () ->
            c.updateRecords(
                b ->
                    b.identityPoolId(POOL)
                        .identityId(IDENTITY)
                        .datasetName("settings")
                        .syncSessionToken(token[0])
                        .recordPatches(patch)));
    // the same patch again (a later device date): now stale, 409
    RecordPatch again =
        patch.toBuilder().deviceLastModifiedDate(Instant.now().plusSeconds(1)).build();
    call(
        seen,
        () ->
            c.updateRecords(
                b ->
                    b.identityPoolId(POOL)
                        .identityId(IDENTITY)
                        .datasetName("settings")
                        .syncSessionToken(token[0])
                        .recordPatches(again)));
    // the first request again, identical: must answer with the state after the write
    call(
        seen,
        () ->
            c.listRecords(
                b -> b.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")));
    call(
        seen,
        () ->
            c.describeDataset(
                b -> b.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")));
    return seen;
  }

  private static void call(List<String> seen, Supplier<Object> call) {
    try {
      seen.add("200 " + call.get());
    } catch (AwsServiceException e) {
      seen.add(
          e.statusCode()
              + " "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void recordedMappingsReplayWhatTheRealServiceAnswered(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("mappings"));
    List<String> live;
    try (CognitoSyncServer aws = CognitoSyncServer.builder().build().start();
        CognitoSyncServer recorder =
            CognitoSyncServer.builder()
                .wireMockOptions(o -> o.usingFilesUnderDirectory(root.toString()))
                .build()
                .start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(recorder.endpoint())) {
      recorder.wireMock().startRecording(CognitoSyncRecording.spec(aws.endpoint().toString()));
      recorder.service().faults().startRecording("proxied");

      live = session(client);

      assertThat(recorder.wireMock().stopRecording().getStubMappings()).hasSize(5);
      // the calls went to "AWS", signed as the client signed them; the recorder kept no state
      List<ServeEvent> atAws = aws.wireMock().getAllServeEvents();
      assertThat(atAws)
          .hasSize(5)
          .allSatisfy(
              e ->
                  assertThat(e.getRequest().getHeader("Authorization"))
                      .startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"));
      assertThat(recorder.service().engine().exportState().identityPools()).isEmpty();
      // the same calls as a scenario, with the answers "AWS" gave
      Scenario proxied = recorder.service().faults().stopRecording();
      assertThat(proxied.steps())
          .extracting(ScenarioStep::operation)
          .containsExactly(
              "ListRecords", "UpdateRecords", "UpdateRecords", "ListRecords", "DescribeDataset");
      assertThat(proxied.steps())
          .extracting(ScenarioStep::status)
          .containsExactly(200, 200, 409, 200, 200);
      assertThat(proxied.step(3).errorType()).isEqualTo("ResourceConflictException");
    }
    assertThat(live.get(2)).startsWith("409 ResourceConflictException");
    assertThat(live.get(3)).contains("Key=theme").contains("DatasetSyncCount=1");
    String mappings;
    try (Stream<Path> files = Files.list(root.resolve("mappings"))) {
      mappings =
          String.join(
              "\n",
              files
                  .map(
                      f -> {
                        try {
                          return Files.readString(f);
                        } catch (java.io.IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      })
                  .toList());
    }
    assertThat(mappings)
        .doesNotContain("Authorization")
        .doesNotContain("X-Amz-Date")
        .contains("${json-unit.ignore}")
        .contains("scenarioName");

    // a fresh mock over the same files: the mappings answer; its own state stays empty
    try (CognitoSyncServer replay =
            CognitoSyncServer.builder()
                .wireMockOptions(o -> o.usingFilesUnderDirectory(root.toString()))
                .build()
                .start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(replay.endpoint())) {
      Thread.sleep(1100); // a different X-Amz-Date second and device dates
      assertThat(session(client)).isEqualTo(live);
      assertThat(replay.service().engine().exportState().identityPools()).isEmpty();
    }
  }

  @Test
  void wireMocksOwnRecordingApiTakesTheTransformerByName() throws Exception {
    try (CognitoSyncServer aws = CognitoSyncServer.builder().build().start();
        CognitoSyncServer recorder = CognitoSyncServer.builder().build().start();
        CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(recorder.endpoint())) {
      String admin = "http://127.0.0.1:" + recorder.port() + "/__admin/recordings";
      // the request of docs/faults.md
      assertThat(
              FaultTestSupport.send(
                      "POST",
                      admin + "/start",
                      """
          {"targetBaseUrl": "%s",
           "requestBodyPattern": {"matcher": "equalToJson", "ignoreArrayOrder": true,
                                  "ignoreExtraElements": false},
           "persist": false, "transformers": ["cognito-sync-recording"]}"""
                          .formatted(aws.endpoint()))
                  .statusCode())
          .isEqualTo(200);
      String token = FaultTestSupport.list(client, "settings", 0).syncSessionToken();
      FaultTestSupport.put(client, "settings", token, "theme", "dark", 0);
      String mappings = FaultTestSupport.send("POST", admin + "/stop", "").body();
      assertThat(mappings)
          .contains("\"equalToJson\"")
          .contains("\\\"SyncSessionToken\\\":\\\"${json-unit.ignore}\\\"")
          .contains("\"ignoreExtraElements\" : false");
      assertThat(aws.wireMock().getAllServeEvents()).hasSize(2);
    }
  }

  @Test
  void theStandaloneServerRecordsWithRecordFromAndReplaysWithRootDirOrScenarioFile(
      @TempDir Path root) throws Exception {
    List<String> live;
    try (CognitoSyncServer aws = CognitoSyncServer.builder().build().start()) {
      // with credentials in its environment the recorder signs each proxied request again
      Process recording =
          start(
              Map.of(
                  "AWS_ACCESS_KEY_ID", "AKIDSTANDALONERECORDER", "AWS_SECRET_ACCESS_KEY", "secret"),
              "--record-from",
              aws.endpoint().toString(),
              "--root-dir",
              root.toString());
      try (CognitoSyncClient client =
          FaultTestSupport.sdkWithoutRetries(
              java.net.URI.create("http://127.0.0.1:" + port(recording)))) {
        live = session(client);
      } finally {
        recording.destroy(); // SIGTERM: the shutdown hook saves the recording
        assertThat(recording.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(aws.wireMock().getAllServeEvents())
          .hasSize(5)
          .allSatisfy(
              e ->
                  assertThat(e.getRequest().getHeader("Authorization"))
                      .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTANDALONERECORDER/")
                      .contains("/us-east-1/cognito-sync/aws4_request"));
    }
    try (Stream<Path> files = Files.list(root.resolve("mappings"))) {
      assertThat(files.count()).isEqualTo(5);
    }
    Scenario recorded = ScenarioJson.readScenario(root.resolve("recorded-scenario.json"));
    assertThat(recorded.steps())
        .extracting(ScenarioStep::status)
        .containsExactly(200, 200, 409, 200, 200);

    // --root-dir: the recorded mappings answer as "AWS" did
    Process replay = start("--root-dir", root.toString());
    try (CognitoSyncClient client =
        FaultTestSupport.sdkWithoutRetries(
            java.net.URI.create("http://127.0.0.1:" + port(replay)))) {
      assertThat(session(client)).isEqualTo(live);
    } finally {
      replay.destroy();
      replay.waitFor(30, TimeUnit.SECONDS);
    }

    // --scenario-file: the stateful mock answers, with a fault marked at step 2 (B7)
    Path marked = root.resolve("marked.json");
    Files.write(
        marked,
        ScenarioJson.scenarioFile(
            recorded.withFault(
                2,
                FaultAction.error(
                    dev.cognitosyncmock.engine.ErrorShape.TooManyRequestsException))));
    Path faults = root.resolve("faults.json");
    Files.writeString(
        faults,
        """
        {"rules": [{"match": {"operation": "DescribeDataset"},
                    "action": {"error": "InternalErrorException", "message": "from the file"}}]}""");
    Process scenario =
        start("--scenario-file", marked.toString(), "--fault-file", faults.toString());
    try (CognitoSyncClient client =
        FaultTestSupport.sdkWithoutRetries(
            java.net.URI.create("http://127.0.0.1:" + port(scenario)))) {
      List<String> replayed = session(client);
      assertThat(replayed.get(0)).startsWith("200 ");
      assertThat(replayed.get(1)).isEqualTo("429 TooManyRequestsException: Rate exceeded");
      // step 2 never wrote, so the same patch now succeeds: answered from state
      assertThat(replayed.get(2)).startsWith("200 ").contains("SyncCount=1");
      assertThat(replayed.get(4)).isEqualTo("500 InternalErrorException: from the file");
    } finally {
      scenario.destroy();
      scenario.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process start(String... args) throws Exception {
    return start(Map.of(), args);
  }

  private static Process start(Map<String, String> env, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cognitosyncmock.wiremock.StandaloneServer",
                "--port",
                "0",
                "--bind-address",
                "127.0.0.1"));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.environment().remove("AWS_ACCESS_KEY_ID");
    builder.environment().remove("AWS_SECRET_ACCESS_KEY");
    builder.environment().remove("AWS_SESSION_TOKEN");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static int port(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IllegalStateException("server exited before listening:\n" + seen);
  }
}
