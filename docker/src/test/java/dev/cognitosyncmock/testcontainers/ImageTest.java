package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * What docker/Dockerfile promises in the image's configuration. (The HEALTHCHECK is checked on a
 * container, in CognitoSyncContainerTest: Podman's Docker API leaves it out of image inspection.)
 */
class ImageTest {

  static InspectImageResponse image;

  @BeforeAll
  static void build() throws Exception {
    ContainerTests.requireContainerEngine();
    String name = ContainerTests.image().get();
    image = DockerClientFactory.instance().client().inspectImageCmd(name).exec();
    System.out.printf("image %s: %.1f MB%n", name, image.getSize() / 1e6);
  }

  @Test
  void runsAsAnUnprivilegedUser() {
    assertThat(image.getConfig().getUser()).isEqualTo("10001:10001");
  }

  @Test
  void exposes8080AndDeclaresTheDataVolume() {
    ContainerConfig config = image.getConfig();
    assertThat(config.getExposedPorts()).extracting(Object::toString).contains("8080/tcp");
    assertThat(config.getVolumes()).containsKey("/data");
  }

  @Test
  void theJvmIsTheEntryPointInExecForm() {
    assertThat(image.getConfig().getEntrypoint())
        .startsWith("/opt/java/bin/java")
        .endsWith("-jar", "/opt/cognito-sync-mock/cognito-sync-mock.jar");
  }
}
