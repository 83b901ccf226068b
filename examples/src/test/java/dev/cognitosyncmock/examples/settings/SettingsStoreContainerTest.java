package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cognitosyncmock.testcontainers.CognitoSyncContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The mock in a container, with Testcontainers ({@code cognito-sync-mock-testcontainers}): for
 * tests that want the mock out of process, or one mock shared with tools in other languages. The
 * container starts once for the class, seeded from a classpath file, and the admin API resets it
 * between tests. Skipped when no container engine is available, except on CI.
 */
class SettingsStoreContainerTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  static CognitoSyncContainer mock;
  static CognitoSyncClient client;

  @BeforeAll
  static void start() {
    requireContainerEngine();
    mock =
        new CognitoSyncContainer() // cognitosyncmock/cognito-sync-mock:<library version>
            .withSeedResource("seed-settings.json");
    mock.start();
    client =
        CognitoSyncClient.builder()
            .endpointOverride(mock.getEndpoint())
            .region(Region.of(mock.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(mock.getAccessKey(), mock.getSecretKey())))
            .build();
  }

  /**
   * Skips the class where no container engine answers, except on CI (CI=true), where that is a
   * failure: CI must run it. The image is not published yet: build it as the README's "Run it in
   * Docker" says (a full {@code mvn verify} builds it in the docker module, before this one).
   */
  static void requireContainerEngine() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return;
    }
    String why = "no container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, but " + why);
    }
    System.err.println("WARNING: container example skipped: " + why);
    Assumptions.abort("Container example skipped: " + why);
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

  /** Back to the seed: the admin API's import with the same document. */
  @BeforeEach
  void reseed() throws Exception {
    byte[] seed =
        SettingsStoreContainerTest.class.getResourceAsStream("/seed-settings.json").readAllBytes();
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mock.getAdminEndpoint() + "/state"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(seed))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void aNewDevicePullsTheSeededSettings() {
    SettingsStore laptop = new SettingsStore(client, POOL, USER);

    SyncResult result = laptop.sync();

    assertThat(laptop.asMap()).isEqualTo(Map.of("theme", "dark", "language", "en"));
    assertThat(result.pulled()).isEqualTo(2);
  }

  @Test
  void changesGoThroughTheContainer() {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    SettingsStore laptop = new SettingsStore(client, POOL, USER);
    phone.sync();
    phone.put("theme", "light");
    phone.remove("language");
    phone.sync();

    laptop.sync();

    assertThat(laptop.asMap()).isEqualTo(Map.of("theme", "light"));
  }
}
