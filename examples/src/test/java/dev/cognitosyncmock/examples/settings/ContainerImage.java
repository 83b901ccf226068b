package dev.cognitosyncmock.examples.settings;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Test plumbing for {@link SettingsStoreContainerTest}, not part of the example: the engine check.
 * The image needs no plumbing: where the engine lacks {@code cognitosyncmock/cognito-sync-mock},
 * {@code new CognitoSyncContainer()} builds it from the server jar the Testcontainers module ships,
 * as it does for any user.
 */
final class ContainerImage {
  private ContainerImage() {
  }

  /**
   * Skips the calling test class when no container engine answers; on CI (CI=true) that is a
   * failure instead, as in the docker module's tests.
   */
  static void requireEngine() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String why = "no container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true, but " + why);
      }
      System.err.println("WARNING: container example skipped: " + why);
      Assumptions.abort("Container example skipped: " + why);
    }
  }
}
