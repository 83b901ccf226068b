package dev.cognitosyncmock.examples.settings;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.cognitosyncmock.testcontainers.CognitoSyncContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

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

  @SuppressWarnings("deprecation") // withDockerfilePath: the context is assembled file by file
  private static void build(String image) {
    Path root = Path.of(System.getProperty("cognitosyncmock.repository.root", "..")).toAbsolutePath()
        .normalize();
    Path jar = Path.of(System.getProperty("cognitosyncmock.server.jar", "")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail("the server jar is missing: " + jar + " (build with -am, at least `package`)");
    }
    ImageFromDockerfile build = new ImageFromDockerfile(image, false)
        .withFileFromPath("docker/Dockerfile", root.resolve("docker/Dockerfile"))
        .withFileFromPath("docker/src/main/docker/HealthCheck.java",
            root.resolve("docker/src/main/docker/HealthCheck.java"))
        .withFileFromPath("wiremock-extension/target/" + jar.getFileName(), jar)
        .withDockerfilePath("docker/Dockerfile");
    // machines without a registry name local base images (.ci/container-engine.sh)
    String jdk = System.getenv("COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE");
    String base = System.getenv("COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE");
    if (jdk != null && !jdk.isBlank()) {
      build.withBuildArg("JDK_IMAGE", jdk);
    }
    if (base != null && !base.isBlank()) {
      build.withBuildArg("BASE_IMAGE", base);
    }
    try {
      build.get();
    } catch (Exception e) {
      fail("could not build " + image + " from " + root.resolve("docker/Dockerfile"), e);
    }
  }
}
