package dev.cognitosyncmock.testcontainers;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
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

  /**
   * The tag the tests build: the default image name, so {@code new CognitoSyncContainer()} finds
   * it.
   */
  static final String IMAGE =
      CognitoSyncContainer.DEFAULT_IMAGE_NAME
          .withTag(
              System.getProperty("cognitosyncmock.image.tag", CognitoSyncContainer.DEFAULT_TAG))
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
    String why =
        "no container engine answers (DOCKER_HOST="
            + System.getenv("DOCKER_HOST")
            + "); start one with `eval \"$(bash .ci/container-engine.sh start)\"` or Docker";
    if (onCi()) {
      fail("CI=true, but " + why);
    }
    // Surefire counts a class aborted in @BeforeAll as 0 tests run: say so in the log as well
    System.err.println("WARNING: container tests skipped: " + why);
    Assumptions.abort("Container tests skipped: " + why);
  }

  /**
   * The image under test, built (once per test JVM) by the module itself, from the Dockerfile and
   * the server jar it ships ({@link CognitoSyncImage#fromBundledJar}), under the default name.
   */
  static synchronized Future<String> image() {
    if (image == null) {
      image = CognitoSyncImage.fromBundledJar(IMAGE);
    }
    return image;
  }

  static CognitoSyncContainer container() {
    return new CognitoSyncContainer(image());
  }

  /** A client that sends each call once, so that a fault is seen rather than retried away. */
  static CognitoSyncClient sdkWithoutRetries(CognitoSyncContainer mock) {
    return CognitoSyncClient.builder()
        .endpointOverride(mock.getEndpoint())
        .region(Region.of(mock.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(mock.getAccessKey(), mock.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o ->
                o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static CognitoSyncClient sdk(CognitoSyncContainer mock) {
    return CognitoSyncClient.builder()
        .endpointOverride(mock.getEndpoint())
        .region(Region.of(mock.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(mock.getAccessKey(), mock.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
