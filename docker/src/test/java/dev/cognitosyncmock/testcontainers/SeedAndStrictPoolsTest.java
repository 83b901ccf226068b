package dev.cognitosyncmock.testcontainers;

import static dev.cognitosyncmock.testcontainers.ContainerTests.IDENTITY;
import static dev.cognitosyncmock.testcontainers.ContainerTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Options reach the server through the environment: a seed file, strict pools, a log level. */
class SeedAndStrictPoolsTest {

  static CognitoSyncContainer mock;
  static CognitoSyncClient client;

  @BeforeAll
  static void start() {
    ContainerTests.requireContainerEngine();
    mock =
        ContainerTests.container()
            .withSeedResource("seed.json")
            .withStrictPools(true)
            .withTokenExpiry(Duration.ofMinutes(5))
            .withLogLevel("debug");
    mock.start();
    client = ContainerTests.sdk(mock);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (mock != null) {
      mock.stop();
    }
  }

  @Test
  void theSeedFileIsLoadedAtStartUp() {
    assertThat(
            client
                .listRecords(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"))
                .records())
        .extracting(Record::key, Record::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("theme", "dark"));
  }

  @Test
  void strictPoolsRejectAPoolTheSeedDidNotCreate() {
    String unknownPool = "us-east-1:99999999-9999-9999-9999-999999999999";
    assertThatThrownBy(
            () ->
                client.listRecords(
                    r ->
                        r.identityPoolId(unknownPool).identityId(IDENTITY).datasetName("settings")))
        .isInstanceOfSatisfying(
            CognitoSyncException.class,
            e -> {
              assertThat(e.statusCode()).isBetween(400, 404);
              assertThat(e.getMessage()).contains("IdentityPool not found");
            });
  }
}
