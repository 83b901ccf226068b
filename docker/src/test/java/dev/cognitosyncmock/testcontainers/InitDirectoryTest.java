package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * The image's init directory, /etc/cognito-sync-mock/init (what {@code docker run -v
 * "$PWD/init:/etc/cognito-sync-mock/init:ro"} mounts; copied here so that a remote engine works
 * too): seed.json, faults.json, scenario.json and mappings/ are all in force from the first call.
 */
class InitDirectoryTest {
  static final String INIT = "/etc/cognito-sync-mock/init/";

  @BeforeAll
  static void engine() {
    ContainerTests.requireContainerEngine();
  }

  @Test
  @DisplayName(
      "every kind of init file is loaded at start: seed, fault rules, scenario, WireMock mappings")
  void everyKindOfFileIsLoaded() throws Exception {
    try (CognitoSyncContainer mock =
        ContainerTests.container()
            .withCopyFileToContainer(
                MountableFile.forClasspathResource("init/seed.json", 0644), INIT + "seed.json")
            .withCopyFileToContainer(
                MountableFile.forClasspathResource("init/faults.json", 0644), INIT + "faults.json")
            .withCopyFileToContainer(
                MountableFile.forClasspathResource("init/scenario.json", 0644),
                INIT + "scenario.json")
            .withCopyFileToContainer(
                MountableFile.forClasspathResource("init/mappings/hello.json", 0644),
                INIT + "mappings/hello.json")) {
      mock.start();
      try (CognitoSyncClient client = ContainerTests.sdk(mock)) {
        // seed.json, and step 1 of scenario.json
        assertThat(
                client
                    .listRecords(
                        r ->
                            r.identityPoolId(ContainerTests.POOL)
                                .identityId(ContainerTests.IDENTITY)
                                .datasetName("settings"))
                    .records())
            .extracting(Record::key, Record::value)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("theme", "dark"));
      }
      // scenario.json marks step 2 (ListDatasets) as throttled
      HttpResponse<String> scenario = get(mock, "/__admin/cognito-sync/scenario");
      assertThat(scenario.statusCode()).isEqualTo(200);
      assertThat(scenario.body()).contains("from the init directory");
      try (CognitoSyncClient once = ContainerTests.sdkWithoutRetries(mock)) {
        assertThatThrownBy(
                () ->
                    once.listDatasets(
                        r ->
                            r.identityPoolId(ContainerTests.POOL)
                                .identityId(ContainerTests.IDENTITY)))
            .isInstanceOf(TooManyRequestsException.class);
        // faults.json: the first DescribeDataset is throttled
        assertThatThrownBy(
                () ->
                    once.describeDataset(
                        r ->
                            r.identityPoolId(ContainerTests.POOL)
                                .identityId(ContainerTests.IDENTITY)
                                .datasetName("settings")))
            .isInstanceOf(TooManyRequestsException.class);
      }
      assertThat(get(mock, "/__admin/cognito-sync/faults").body())
          .contains("DescribeDataset")
          .contains("TooManyRequestsException");
      // mappings/hello.json, a WireMock stub mapping
      HttpResponse<String> stub = get(mock, "/from-init-dir");
      assertThat(stub.statusCode()).isEqualTo(200);
      assertThat(stub.body()).isEqualTo("mapping loaded from the init directory");
    }
  }

  private static HttpResponse<String> get(CognitoSyncContainer mock, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(mock.getEndpoint() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
