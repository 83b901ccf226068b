package dev.cognitosyncmock.testcontainers;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * What the container tests share: the engine check and the image, built once per test JVM from
 * docker/Dockerfile and the server jar that this Maven run built.
 */
final class ContainerTests {

  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  /** The tag the tests build: the default image name, so {@code new CognitoSyncContainer()} finds it. */
  static final String IMAGE = CognitoSyncContainer.DEFAULT_IMAGE_NAME
      .withTag(System.getProperty("cognitosyncmock.image.tag", CognitoSyncContainer.DEFAULT_TAG))
      .asCanonicalNameString();

  private static Future<String> image;

  private ContainerTests() {}

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips the calling test class when no container engine answers, except on CI (CI=true), where
   * that fails it: CI must run these tests.
   */
  static void requireContainerEngine() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return;
    }
    String why = "no container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
        + "); start one with `eval \"$(bash .ci/container-engine.sh start)\"` or Docker";
    if (onCi()) {
      fail("CI=true, but " + why);
    }
    // Surefire counts a class aborted in @BeforeAll as 0 tests run: say so in the log as well
    System.err.println("WARNING: container tests skipped: " + why);
    Assumptions.abort("Container tests skipped: " + why);
  }

  /** The image under test, built (once) from docker/Dockerfile with the jar of this build. */
  @SuppressWarnings("deprecation") // withDockerfilePath: the context is assembled here, file by file
  static synchronized Future<String> image() {
    if (image == null) {
      Path root = Path.of(System.getProperty("cognitosyncmock.repository.root", "..")).normalize()
          .toAbsolutePath();
      Path jar = Path.of(System.getProperty("cognitosyncmock.server.jar")).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        fail("the server jar is missing: " + jar + " (build the reactor with -am, at least `package`)");
      }
      ImageFromDockerfile build = new ImageFromDockerfile(IMAGE, false)
          .withFileFromPath("docker/Dockerfile", root.resolve("docker/Dockerfile"))
          .withFileFromPath("docker/src/main/docker/HealthCheck.java",
              root.resolve("docker/src/main/docker/HealthCheck.java"))
          .withFileFromPath("wiremock-extension/target/" + jar.getFileName(), jar)
          .withDockerfilePath("docker/Dockerfile");
      // on machines without a registry, .ci/container-engine.sh names local base images
      String jdk = System.getenv("COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE");
      String base = System.getenv("COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE");
      if (jdk != null && !jdk.isBlank()) {
        build.withBuildArg("JDK_IMAGE", jdk);
      }
      if (base != null && !base.isBlank()) {
        build.withBuildArg("BASE_IMAGE", base);
      }
      image = build;
    }
    return image;
  }

  static CognitoSyncContainer container() {
    return new CognitoSyncContainer(image());
  }

  static CognitoSyncClient sdk(CognitoSyncContainer mock) {
    return CognitoSyncClient.builder()
        .endpointOverride(mock.getEndpoint())
        .region(Region.of(mock.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(mock.getAccessKey(), mock.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
