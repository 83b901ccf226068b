package dev.cognitosyncmock.examples.settings;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.cognitosyncmock.testcontainers.CognitoSyncContainer;
import dev.cognitosyncmock.testcontainers.SourceImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Test plumbing for {@link SettingsStoreContainerTest}, not part of the example: a real project
 * pulls {@code cognitosyncmock/cognito-sync-mock} from a registry. This repository has none, so
 * the image is built here from docker/Dockerfile and this build's server jar when the container
 * engine does not have it yet (the docker module's tests build the same image under the same
 * name, so usually it is already there).
 */
final class ContainerImage {
  private ContainerImage() {
  }

  /**
   * Skips the calling test class when no container engine answers; on CI (CI=true) that is a
   * failure instead, as in the docker module's tests.
   */
  static void requireEngineAndImage() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String why = "no container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true, but " + why);
      }
      System.err.println("WARNING: container example skipped: " + why);
      Assumptions.abort("Container example skipped: " + why);
    }
    String image = CognitoSyncContainer.DEFAULT_IMAGE_NAME.withTag(CognitoSyncContainer.DEFAULT_TAG)
        .asCanonicalNameString();
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      build(image);
    }
  }

  private static void build(String image) {
    Path root = Path.of(System.getProperty("cognitosyncmock.repository.root", ".."));
    Path jar = Path.of(System.getProperty("cognitosyncmock.server.jar", ""));
    try {
      SourceImage.of(image, root, jar).get();
    } catch (Exception e) {
      fail("could not build " + image + " from " + root.resolve("docker/Dockerfile"), e);
    }
  }
}
