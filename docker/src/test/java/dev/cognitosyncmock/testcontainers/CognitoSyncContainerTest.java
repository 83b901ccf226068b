package dev.cognitosyncmock.testcontainers;

import static dev.cognitosyncmock.testcontainers.ContainerTests.IDENTITY;
import static dev.cognitosyncmock.testcontainers.ContainerTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/** The image, started by CognitoSyncContainer, driven over HTTP and with the AWS SDK v2. */
class CognitoSyncContainerTest {

  static CognitoSyncContainer mock;
  static CognitoSyncClient client;

  @BeforeAll
  static void start() {
    ContainerTests.requireContainerEngine();
    mock = ContainerTests.container();
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
  void adminHealthAnswersHealthy() throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mock.getEndpoint() + "/__admin/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\" : \"healthy\"");
  }

  @Test
  void imageHealthCheckCommandPassesInsideTheContainer() throws Exception {
    assertThat(mock.getContainerInfo().getConfig().getHealthcheck()).isNotNull();
    assertThat(mock.getContainerInfo().getConfig().getHealthcheck().getTest())
        .contains("/opt/healthcheck", "HealthCheck");
    ExecResult check =
        mock.execInContainer("/opt/java/bin/java", "-cp", "/opt/healthcheck", "HealthCheck");
    assertThat(check.getExitCode()).as(check.getStderr()).isZero();
  }

  @Test
  void serverRunsAsTheUnprivilegedUser() throws Exception {
    ExecResult id = mock.execInContainer("id", "-u");
    assertThat(id.getStdout().trim()).isEqualTo("10001");
  }

  @Test
  void listUpdateAndStaleSyncCountConflictThroughTheSdk() {
    String dataset = "sdk-settings";
    ListRecordsResponse first = list(dataset);
    assertThat(first.records()).isEmpty();
    assertThat(first.syncSessionToken()).isNotBlank();

    UpdateRecordsResponse written = put(dataset, first.syncSessionToken(), "theme", "dark", 0);
    assertThat(written.records())
        .extracting(Record::key, Record::value, Record::syncCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("theme", "dark", 1L));

    // the same key at the SyncCount it had before: stale
    assertThatThrownBy(() -> put(dataset, first.syncSessionToken(), "theme", "light", 0))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
            });

    ListRecordsResponse again = list(dataset);
    assertThat(again.datasetSyncCount()).isEqualTo(1);
    assertThat(again.records()).extracting(Record::value).containsExactly("dark");
  }

  @Test
  void adminResetForgetsState() throws Exception {
    String dataset = "to-forget";
    put(dataset, list(dataset).syncSessionToken(), "k", "v", 0);
    HttpResponse<String> reset =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mock.getAdminEndpoint() + "/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).isBetween(200, 204);
    assertThat(list(dataset).records()).isEmpty();
  }

  private static ListRecordsResponse list(String dataset) {
    return client.listRecords(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset));
  }

  private static UpdateRecordsResponse put(
      String dataset, String token, String key, String value, long syncCount) {
    return client.updateRecords(
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
                        .syncCount(syncCount)
                        .build()));
  }
}
