package dev.cognitosyncmock.testcontainers;

import static dev.cognitosyncmock.testcontainers.ContainerTests.IDENTITY;
import static dev.cognitosyncmock.testcontainers.ContainerTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * SIGTERM stops the JVM (PID 1) cleanly, and state written to the /data volume outlives the
 * container, even one killed without grace.
 */
class PersistenceAndShutdownTest {

  /** Not ASCII: the journal and snapshot must keep it through the image's default charset. */
  static final String VALUE = "kept: dunkel \u263E \u6697";

  @BeforeAll
  static void engine() {
    ContainerTests.requireContainerEngine();
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkillOfTheContainer() throws Exception {
    Path data = dataDirectory();
    Map<String, String> acknowledged = new TreeMap<>();
    try (CognitoSyncContainer first = ContainerTests.container().withPersistenceDirectory(data)) {
      first.start();
      try (CognitoSyncClient client = ContainerTests.sdk(first)) {
        for (int i = 0; i < 20; i++) {
          String dataset = "ds" + (i % 4);
          String key = "k" + i;
          String value = VALUE + " " + i;
          String token =
              client
                  .listRecords(
                      r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset))
                  .syncSessionToken();
          client.updateRecords(
              r ->
                  r.identityPoolId(POOL)
                      .identityId(IDENTITY)
                      .datasetName(dataset)
                      .syncSessionToken(token)
                      .recordPatches(
                          RecordPatch.builder()
                              .op(Operation.REPLACE)
                              .key(key)
                              .value(value)
                              .syncCount(0L)
                              .build()));
          acknowledged.put(dataset + "/" + key, value);
        }
      }
      // no grace: the JVM gets no chance to write a final snapshot; only the journal is there
      first.getDockerClient().killContainerCmd(first.getContainerId()).withSignal("KILL").exec();
    }

    try (CognitoSyncContainer second = ContainerTests.container().withPersistenceDirectory(data)) {
      second.start();
      Map<String, String> recovered = new TreeMap<>();
      try (CognitoSyncClient client = ContainerTests.sdk(second)) {
        for (String dataset : List.of("ds0", "ds1", "ds2", "ds3")) {
          for (Record r :
              client
                  .listRecords(
                      q -> q.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset))
                  .records()) {
            recovered.put(dataset + "/" + r.key(), r.value());
          }
        }
      }
      assertThat(recovered).isEqualTo(acknowledged);
    }
  }

  /** Under target/, not @TempDir: files there belong to the container's uid 10001. */
  private static Path dataDirectory() throws java.io.IOException {
    Path target =
        Path.of(System.getProperty("cognitosyncmock.repository.root", ".."), "docker", "target");
    Files.createDirectories(target);
    Path data = Files.createTempDirectory(target, "persistence-");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    return data;
  }

  @Test
  void sigtermStopsCleanlyAndStateInTheDataVolumeOutlivesTheContainer() throws Exception {
    Path data = dataDirectory();

    try (CognitoSyncContainer first = ContainerTests.container().withPersistenceDirectory(data)) {
      first.start();
      try (CognitoSyncClient client = ContainerTests.sdk(first)) {
        String token =
            client
                .listRecords(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("durable"))
                .syncSessionToken();
        client.updateRecords(
            r ->
                r.identityPoolId(POOL)
                    .identityId(IDENTITY)
                    .datasetName("durable")
                    .syncSessionToken(token)
                    .recordPatches(
                        RecordPatch.builder()
                            .op(Operation.REPLACE)
                            .key("k")
                            .value(VALUE)
                            .syncCount(0L)
                            .build()));
      }

      // docker stop: SIGTERM, then SIGKILL after 30 s. A clean stop takes far less than that.
      DockerClient docker = first.getDockerClient();
      long started = System.nanoTime();
      docker.stopContainerCmd(first.getContainerId()).withTimeout(30).exec();
      long millis = (System.nanoTime() - started) / 1_000_000;
      Long exitCode =
          docker.inspectContainerCmd(first.getContainerId()).exec().getState().getExitCodeLong();
      System.out.printf("SIGTERM to exit: %d ms, exit code %d%n", millis, exitCode);
      assertThat(exitCode)
          .as(
              "exit code: 143 is the JVM's after SIGTERM and its shutdown hooks, "
                  + "137 would be SIGKILL")
          .isIn(0L, 143L);
    }
    assertThat(data).isDirectoryContaining(p -> p.getFileName().toString().startsWith("snapshot"));

    try (CognitoSyncContainer second = ContainerTests.container().withPersistenceDirectory(data)) {
      second.start();
      try (CognitoSyncClient client = ContainerTests.sdk(second)) {
        assertThat(
                client
                    .listRecords(
                        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("durable"))
                    .records())
            .extracting(Record::value)
            .containsExactly(VALUE);
      }
    }
  }
}
