package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioReplay;
import dev.cognitosyncmock.faults.ScenarioStep;
import dev.cognitosyncmock.junit.CognitoSyncInject;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncScenario;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * Scenario replay (docs/faults.md): record a session of the application once, mark a step of the
 * recording with a fault, commit the file, and replay it: the mock answers every call from its
 * state as usual, and the marked step fails exactly where it is marked. {@code
 * src/test/resources/scenarios/settings-sync.json} was recorded by the first test below, then step
 * 2 (the phone's UpdateRecords) was marked by hand with a TooManyRequestsException.
 */
@CognitoSyncTest
class ScenarioReplayTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  /** The session: the phone pushes a setting, the laptop pulls it. */
  static void phoneThenLaptop(CognitoSyncClient client) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.sync();
    new SettingsStore(client, POOL, USER).sync();
  }

  @Test
  void recordTheSession(CognitoSyncClient client, CognitoSyncMock mock, @TempDir Path dir) {
    mock.startRecording("phone pushes, laptop pulls");
    phoneThenLaptop(client);
    Path file = dir.resolve("settings-sync.json");
    Scenario scenario = mock.stopRecording(file);

    assertThat(scenario.steps())
        .extracting(ScenarioStep::operation)
        .containsExactly("ListRecords", "UpdateRecords", "ListRecords");
    assertThat(file).isRegularFile(); // edit it: "fault": {...} on a step, then commit it
  }

  @Test
  @CognitoSyncScenario("scenarios/settings-sync.json")
  void replayTheSessionWithTheUpdateThrottled(
      @CognitoSyncInject URI endpoint, CognitoSyncMock mock) {
    // Steps count requests, and the SDK's retries are requests: turn them off so that the
    // marked step is the call the application made (docs/faults.md, "Replay").
    try (CognitoSyncClient client =
        CognitoSyncClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      SettingsStore phone = new SettingsStore(client, POOL, USER);
      phone.put("theme", "dark");

      assertThatThrownBy(phone::sync).isInstanceOf(TooManyRequestsException.class); // step 2
      SettingsStore laptop = new SettingsStore(client, POOL, USER);
      laptop.sync(); // step 3: nothing to pull yet
      assertThat(laptop.asMap()).isEmpty();

      phone.sync(); // beyond the scenario: served as usual, the kept change goes out
      laptop.sync();
      assertThat(laptop.asMap()).isEqualTo(Map.of("theme", "dark"));
    }
    ScenarioReplay.Status replay = mock.scenarioStatus().orElseThrow();
    assertThat(replay.fired()).extracting(ScenarioReplay.FiredStep::step).containsExactly(2);
    assertThat(replay.divergences()).isEmpty(); // the application made the recorded calls
  }
}
