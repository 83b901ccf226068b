package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** An image the engine does not have is built by the module from the server jar it ships. */
class BundledImageTest {

  @BeforeAll
  static void engine() throws Exception {
    ContainerTests.requireContainerEngine();
    ContainerTests.image().get(); // the layers, so this build is the cached one
  }

  @Test
  @DisplayName("an absent image is built from the module's own jar, tagged, and serves the SDK")
  void absentImageIsBuiltFromTheShippedJar() {
    // a -SNAPSHOT tag: never published, so the module does not try the registry first
    DockerImageName name =
        CognitoSyncContainer.DEFAULT_IMAGE_NAME.withTag(
            "absent-" + UUID.randomUUID().toString().substring(0, 8) + "-SNAPSHOT");
    assertThat(CognitoSyncImage.present(name.asCanonicalNameString())).isFalse();
    try (CognitoSyncContainer mock =
        new CognitoSyncContainer(CognitoSyncImage.presentOrBuilt(name))) {
      mock.start();
      assertThat(CognitoSyncImage.present(name.asCanonicalNameString())).isTrue();
      try (CognitoSyncClient client = ContainerTests.sdk(mock)) {
        assertThat(
                client
                    .listRecords(
                        r ->
                            r.identityPoolId(ContainerTests.POOL)
                                .identityId(ContainerTests.IDENTITY)
                                .datasetName("built"))
                    .syncSessionToken())
            .isNotBlank();
      }
    } finally {
      try {
        DockerClientFactory.instance()
            .client()
            .removeImageCmd(name.asCanonicalNameString())
            .withForce(true)
            .exec();
      } catch (RuntimeException ignored) {
        // nothing to remove when the build failed
      }
    }
  }
}
