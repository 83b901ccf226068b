package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The image starts its JVM from class-data archives made at build time: the JDK's (jlink) and the
 * server's own (a training start during the build). A JVM with the entry point's flags loads the
 * server's classes from the archive, not from the jar.
 */
class ClassDataArchiveTest {
  static final String ARCHIVE =
      "-XX:SharedArchiveFile=/opt/cognito-sync-mock/cognito-sync-mock.jsa";

  @BeforeAll
  static void engine() {
    ContainerTests.requireContainerEngine();
  }

  @Test
  @DisplayName("The entry point names the server's class-data archive")
  void theEntryPointUsesTheArchive() throws Exception {
    List<String> entrypoint =
        List.of(
            DockerClientFactory.instance()
                .client()
                .inspectImageCmd(ContainerTests.image().get())
                .exec()
                .getConfig()
                .getEntrypoint());
    assertThat(entrypoint).contains(ARCHIVE);
  }

  @Test
  @DisplayName("With those flags the server's own classes come from the archive")
  void theServersClassesComeFromTheArchive() throws Exception {
    try (CognitoSyncContainer mock = ContainerTests.container()) {
      mock.start();
      ExecResult run =
          mock.execInContainer(
              "/opt/java/bin/java",
              ARCHIVE,
              "-Xlog:class+load=info",
              "-jar",
              "/opt/cognito-sync-mock/cognito-sync-mock.jar",
              "--help");
      assertThat(run.getExitCode()).as(run.getStderr()).isZero();
      assertThat(run.getStdout())
          .contains("dev.cognitosyncmock.wiremock.StandaloneServer source: shared objects file")
          .contains("java.lang.Object source: shared objects file");
    }
  }
}
