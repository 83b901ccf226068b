package dev.cognitosyncmock.testcontainers;

import static dev.cognitosyncmock.testcontainers.ContainerTests.IDENTITY;
import static dev.cognitosyncmock.testcontainers.ContainerTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * SIGTERM stops the JVM (PID 1) cleanly and quickly, and state written to the /data volume
 * outlives the container.
 */
class PersistenceAndShutdownTest {

  /** Not ASCII: the journal and snapshot must keep it through the image's default charset. */
  static final String VALUE = "kept: dunkel \u263E \u6697";

  @BeforeAll
  static void engine() {
    ContainerTests.requireContainerEngine();
  }

  @Test
  void sigtermStopsCleanlyAndStateInTheDataVolumeOutlivesTheContainer() throws Exception {
    // under target/, not @TempDir: files there belong to the container's uid 10001
    Path target = Path.of(System.getProperty("cognitosyncmock.repository.root", ".."), "docker", "target");
    Files.createDirectories(target);
    Path data = Files.createTempDirectory(target, "persistence-");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

    try (CognitoSyncContainer first = ContainerTests.container().withPersistenceDirectory(data)) {
      first.start();
      try (CognitoSyncClient client = ContainerTests.sdk(first)) {
        String token = client.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY)
            .datasetName("durable")).syncSessionToken();
        client.updateRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY)
            .datasetName("durable").syncSessionToken(token)
            .recordPatches(RecordPatch.builder().op(Operation.REPLACE).key("k").value(VALUE)
                .syncCount(0L).build()));
      }

      // docker stop: SIGTERM, then SIGKILL after 30 s. A clean stop takes far less than that.
      DockerClient docker = first.getDockerClient();
      long started = System.nanoTime();
      docker.stopContainerCmd(first.getContainerId()).withTimeout(30).exec();
      long millis = (System.nanoTime() - started) / 1_000_000;
      Long exitCode = docker.inspectContainerCmd(first.getContainerId()).exec().getState()
          .getExitCodeLong();
      System.out.printf("SIGTERM to exit: %d ms, exit code %d%n", millis, exitCode);
      assertThat(millis).as("stop time (ms)").isLessThan(15_000);
      assertThat(exitCode).as("exit code: 143 is the JVM's after SIGTERM and its shutdown hooks, "
          + "137 would be SIGKILL").isIn(0L, 143L);
    }
    assertThat(data).isDirectoryContaining(p -> p.getFileName().toString().startsWith("snapshot"));

    try (CognitoSyncContainer second = ContainerTests.container().withPersistenceDirectory(data)) {
      second.start();
      try (CognitoSyncClient client = ContainerTests.sdk(second)) {
        assertThat(client.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY)
            .datasetName("durable")).records())
            .extracting(Record::value).containsExactly(VALUE);
      }
    }
  }
}
