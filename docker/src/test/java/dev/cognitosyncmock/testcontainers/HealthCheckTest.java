package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The image's HEALTHCHECK asks the server where it listens (the endpoint file it writes), so it
 * follows the port and bind address whether a flag or a variable set them. Both containers listen
 * on 127.0.0.1 only, where nothing outside can reach them: readiness is the log line.
 */
class HealthCheckTest {

  @BeforeAll
  static void engine() {
    ContainerTests.requireContainerEngine();
  }

  @Test
  @DisplayName("--port and --bind-address flags: the health check follows them")
  void followsFlags() throws Exception {
    try (CognitoSyncContainer mock =
        listeningOnLoopback().withCommand("--port", "9090", "--bind-address", "127.0.0.1")) {
      mock.start();
      assertThat(healthCheck(mock)).isZero();
      // control: the variables alone (still 8080) would have called it unhealthy
      assertThat(healthCheck(mock, "/nonexistent")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "COGNITO_SYNC_MOCK_PORT and COGNITO_SYNC_MOCK_BIND_ADDRESS: the health check follows them")
  void followsVariables() throws Exception {
    try (CognitoSyncContainer mock =
        listeningOnLoopback()
            .withEnv(
                Map.of(
                    "COGNITO_SYNC_MOCK_PORT",
                    "9091",
                    "COGNITO_SYNC_MOCK_BIND_ADDRESS",
                    "127.0.0.1"))) {
      mock.start();
      assertThat(healthCheck(mock)).isZero();
      ExecResult endpoint = mock.execInContainer("cat", "/tmp/cognito-sync-mock.endpoint");
      assertThat(endpoint.getStdout().trim()).isEqualTo("http://127.0.0.1:9091");
    }
  }

  private static CognitoSyncContainer listeningOnLoopback() {
    return ContainerTests.container()
        .waitingFor(Wait.forLogMessage(".*Cognito Sync mock listening on.*\\n", 1));
  }

  private static int healthCheck(CognitoSyncContainer mock, String... args) throws Exception {
    String[] command = new String[4 + args.length];
    System.arraycopy(
        new String[] {"/opt/java/bin/java", "-cp", "/opt/healthcheck", "HealthCheck"},
        0,
        command,
        0,
        4);
    System.arraycopy(args, 0, command, 4, args.length);
    ExecResult check = mock.execInContainer(command);
    System.out.println(
        "health check "
            + String.join(" ", args)
            + ": exit "
            + check.getExitCode()
            + " "
            + check.getStderr().trim());
    return check.getExitCode();
  }
}
