package dev.cognitosyncmock.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The mock's image built from a checkout of this repository ({@code docker/Dockerfile}) and a
 * server jar, for running the container tests before any image is published. The build context
 * holds only the files the Dockerfile copies. On machines without a registry, the environment
 * variables {@code COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE} and {@code COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE}
 * name local base images (see {@code .ci/container-engine.sh}).
 */
public final class SourceImage {
  private SourceImage() {
  }

  /**
   * The image {@code name}, built when first resolved (pass it to
   * {@link CognitoSyncContainer#CognitoSyncContainer(java.util.concurrent.Future)}, or call
   * {@code get()}).
   *
   * @param repositoryRoot the checkout's root directory
   * @param serverJar the shaded server jar of {@code wiremock-extension}
   * @throws IllegalArgumentException when the jar is missing
   */
  @SuppressWarnings("deprecation") // withDockerfilePath: the context is assembled file by file
  public static ImageFromDockerfile of(String name, Path repositoryRoot, Path serverJar) {
    Path root = repositoryRoot.toAbsolutePath().normalize();
    Path jar = serverJar.toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("The server jar is missing: " + jar
          + " (build the reactor with -am, at least `package`)");
    }
    ImageFromDockerfile build = new ImageFromDockerfile(name, false)
        .withFileFromPath("docker/Dockerfile", root.resolve("docker/Dockerfile"))
        .withFileFromPath("docker/src/main/docker/HealthCheck.java",
            root.resolve("docker/src/main/docker/HealthCheck.java"))
        .withFileFromPath("wiremock-extension/target/" + jar.getFileName(), jar)
        .withDockerfilePath("docker/Dockerfile");
    String jdk = System.getenv("COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE");
    String base = System.getenv("COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE");
    if (jdk != null && !jdk.isBlank()) {
      build.withBuildArg("JDK_IMAGE", jdk);
    }
    if (base != null && !base.isBlank()) {
      build.withBuildArg("BASE_IMAGE", base);
    }
    return build;
  }
}
