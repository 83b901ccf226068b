package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The no-argument constructor runs the image the tests built under the default name, locally. */
class DefaultImageNameTest {

  @BeforeAll
  static void build() throws Exception {
    ContainerTests.requireContainerEngine();
    ContainerTests.image().get();
  }

  @Test
  void noArgumentConstructorStartsTheLocallyBuiltImage() {
    try (CognitoSyncContainer mock = new CognitoSyncContainer()) {
      mock.start();
      assertThat(mock.getEndpoint().toString()).startsWith("http://");
      assertThat(mock.isRunning()).isTrue();
    }
  }
}
