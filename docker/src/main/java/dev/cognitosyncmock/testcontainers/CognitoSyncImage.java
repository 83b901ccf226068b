package dev.cognitosyncmock.testcontainers;

import java.util.concurrent.Future;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.LazyFuture;

/**
 * Where {@link CognitoSyncContainer}'s image comes from: the local engine when it has the image,
 * the registry for a released version, and otherwise a build of the image from what this jar ships
 * (the Dockerfile, the health check and the server jar of this very version), with Testcontainers'
 * {@link ImageFromDockerfile}. So {@code new CognitoSyncContainer()} works on a machine that has
 * never seen the image and cannot pull it.
 *
 * <p>Build arguments come from the environment when set: {@code COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE}
 * and {@code COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE} replace the Dockerfile's {@code JDK_IMAGE} and
 * {@code BASE_IMAGE} (for machines whose registry mirror names them differently).
 */
public final class CognitoSyncImage {
  static final String RESOURCES = "dev/cognitosyncmock/testcontainers/image/";

  private CognitoSyncImage() {}

  /**
   * {@return {@code cognitosyncmock/cognito-sync-mock:<this library's version>}, found, pulled or
   * built as {@link #presentOrBuilt} says}
   */
  public static Future<String> defaultImage() {
    return presentOrBuilt(
        CognitoSyncContainer.DEFAULT_IMAGE_NAME.withTag(CognitoSyncContainer.DEFAULT_TAG));
  }

  /**
   * An image found, pulled or built: {@code name} when the engine has it; else pulled, for a
   * released version; else built from this jar and tagged {@code name}.
   *
   * @param name the image name with its tag
   * @return the image's name, resolved when the container starts, not before; its {@code get}
   *     throws an {@link IllegalStateException} if the image can be neither found nor built
   */
  public static Future<String> presentOrBuilt(DockerImageName name) {
    String canonical = name.asCanonicalNameString();
    return new LazyFuture<>() {
      @Override
      protected String resolve() {
        if (present(canonical) || (!name.getVersionPart().endsWith("-SNAPSHOT") && pulled(name))) {
          return canonical;
        }
        try {
          return fromBundledJar(canonical).get();
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "Cannot build "
                  + canonical
                  + " from the server jar"
                  + " this library ships: "
                  + e.getMessage(),
              e);
        }
      }
    };
  }

  /**
   * Builds the image from this jar's Dockerfile and server jar.
   *
   * @param name the tag to give the image
   * @return the build, run when first resolved
   * @throws IllegalStateException if this jar ships no server jar
   */
  @SuppressWarnings("deprecation") // withDockerfilePath: the context is assembled file by file
  public static ImageFromDockerfile fromBundledJar(String name) {
    String jar =
        "cognito-sync-mock-wiremock-" + CognitoSyncContainer.DEFAULT_TAG + "-standalone.jar";
    if (CognitoSyncImage.class.getClassLoader().getResource(RESOURCES + jar) == null) {
      throw new IllegalStateException(
          "This build of cognito-sync-mock-testcontainers ships no"
              + " server jar ("
              + RESOURCES
              + jar
              + "): package the wiremock-extension module first");
    }
    ImageFromDockerfile build =
        new ImageFromDockerfile(name, false)
            .withFileFromClasspath("docker/Dockerfile", RESOURCES + "Dockerfile")
            .withFileFromClasspath(
                "docker/src/main/docker/HealthCheck.java", RESOURCES + "HealthCheck.java")
            .withFileFromClasspath("wiremock-extension/target/" + jar, RESOURCES + jar)
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

  static boolean present(String canonical) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(canonical).exec();
      return true;
    } catch (RuntimeException e) { // NotFoundException, and engines that answer otherwise
      return false;
    }
  }

  private static boolean pulled(DockerImageName name) {
    try {
      DockerClientFactory.instance()
          .client()
          .pullImageCmd(name.getUnversionedPart())
          .withTag(name.getVersionPart())
          .start()
          .awaitCompletion();
      return present(name.asCanonicalNameString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
