package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultAction;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioReplay;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;

/**
 * Scenarios from the JUnit side: @CognitoSyncScenario replays a file with its marked faults (B7:
 * TooManyRequestsException only by fault injection), the handle records and replays.
 */
@CognitoSyncTest
class ScenarioAnnotationTest {

  /** The five calls of scenarios/throttled-sync.json; answers each call's status. */
  static List<Integer> session(CognitoSyncClient c) {
    List<Integer> statuses = new ArrayList<>();
    String[] token = new String[1];
    step(
        statuses,
        () ->
            token[0] =
                c.listRecords(
                        r ->
                            r.identityPoolId(Sync.POOL)
                                .identityId(Sync.ID)
                                .datasetName(Sync.DATASET)
                                .lastSyncCount(0L))
                    .syncSessionToken());
    step(
        statuses,
        () ->
            c.updateRecords(
                r ->
                    r.identityPoolId(Sync.POOL)
                        .identityId(Sync.ID)
                        .datasetName(Sync.DATASET)
                        .syncSessionToken(token[0])
                        .recordPatches(
                            p ->
                                p.op(Operation.REPLACE).key("theme").value("dark").syncCount(0L))));
    step(
        statuses,
        () ->
            c.listRecords(
                r ->
                    r.identityPoolId(Sync.POOL)
                        .identityId(Sync.ID)
                        .datasetName(Sync.DATASET)
                        .lastSyncCount(1L)));
    step(
        statuses,
        () ->
            c.updateRecords(
                r ->
                    r.identityPoolId(Sync.POOL)
                        .identityId(Sync.ID)
                        .datasetName(Sync.DATASET)
                        .syncSessionToken(token[0])
                        .recordPatches(
                            p ->
                                p.op(Operation.REPLACE).key("font").value("large").syncCount(0L))));
    step(
        statuses,
        () ->
            c.describeDataset(
                r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET)));
    return statuses;
  }

  static void step(List<Integer> statuses, Runnable call) {
    try {
      call.run();
      statuses.add(200);
    } catch (AwsServiceException e) {
      statuses.add(e.statusCode());
    }
  }

  /** A client that does not retry, so each call is exactly one step. */
  static CognitoSyncClient once(URI endpoint) {
    return CognitoSyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  @CognitoSyncScenario("scenarios/throttled-sync.json")
  void B7_theMarkedStepFailsAndEveryOtherIsAnsweredFromState(
      @CognitoSyncInject URI endpoint, CognitoSyncMock mock) {
    try (CognitoSyncClient client = once(endpoint)) {
      assertThat(session(client)).containsExactly(200, 200, 429, 200, 200);
    }
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET))
        .containsEntry("theme", "dark")
        .containsEntry("font", "large");
    ScenarioReplay.Status status = mock.scenarioStatus().orElseThrow();
    assertThat(status.fired()).extracting(ScenarioReplay.FiredStep::step).containsExactly(3);
    assertThat(status.divergences()).isEmpty();
  }

  @Test
  void theScenarioOfAnotherTestIsNotReplayedHere(
      @CognitoSyncInject URI endpoint, CognitoSyncMock mock) {
    assertThat(mock.scenarioStatus()).isEmpty();
    try (CognitoSyncClient client = once(endpoint)) {
      assertThat(session(client)).containsOnly(200);
    }
  }

  @Test
  void B7_recordMarkAndReplayWithTheHandle(
      @CognitoSyncInject URI endpoint, CognitoSyncMock mock, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("recorded.json");
    try (CognitoSyncClient client = once(endpoint)) {
      mock.startRecording("handle");
      session(client);
      Scenario recorded = mock.stopRecording(file);
      assertThat(recorded.steps()).hasSize(5);
      assertThat(Files.readString(file)).contains("\"operation\" : \"DescribeDataset\"");

      mock.reset();
      mock.loadScenario(
          recorded.withFault(4, FaultAction.error(ErrorShape.LambdaThrottledException)));
      assertThat(session(client)).containsExactly(200, 200, 200, 429, 200);
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).doesNotContainKey("font");

      mock.reset();
      mock.loadScenario("file:" + file);
      assertThat(session(client)).containsOnly(200);
    }
  }
}
