package dev.cognitosyncmock.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK for Java v2 finds the mock the way it finds any endpoint, with no endpoint in code:
 * the {@code aws.endpointUrlCognitoSync} / {@code aws.endpointUrl} system properties, the {@code
 * AWS_ENDPOINT_URL_COGNITO_SYNC} / {@code AWS_ENDPOINT_URL} environment variables and {@code
 * endpoint_url} in the shared config file. Each case runs {@link UnchangedApplication} in a fresh
 * JVM (environment variables cannot be set in this one) with a clean environment: no {@code AWS_*}
 * variable of the machine leaks in, and the shared files point at nothing.
 */
class AwsEndpointConfigurationTest {
  static CognitoSyncServer server;

  @TempDir Path home;

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  @DisplayName(
      "aws.endpointUrlCognitoSync system property: CognitoSyncClient.create() reaches the mock")
  void serviceSystemProperty() throws Exception {
    run(
        "by-property",
        List.of(
            "-Daws.endpointUrlCognitoSync=" + server.endpoint(),
            "-Daws.region=us-east-1",
            "-Daws.accessKeyId=test",
            "-Daws.secretAccessKey=test"),
        Map.of());
  }

  @Test
  @DisplayName("aws.endpointUrl system property (all services) reaches the mock")
  void globalSystemProperty() throws Exception {
    run(
        "by-global-property",
        List.of(
            "-Daws.endpointUrl=" + server.endpoint(),
            "-Daws.region=us-east-1",
            "-Daws.accessKeyId=test",
            "-Daws.secretAccessKey=test"),
        Map.of());
  }

  @Test
  @DisplayName("AWS_ENDPOINT_URL_COGNITO_SYNC environment variable reaches the mock")
  void serviceEnvironmentVariable() throws Exception {
    run(
        "by-env",
        List.of(),
        Map.of(
            "AWS_ENDPOINT_URL_COGNITO_SYNC",
            server.endpoint().toString(),
            "AWS_REGION",
            "us-east-1",
            "AWS_ACCESS_KEY_ID",
            "test",
            "AWS_SECRET_ACCESS_KEY",
            "test"));
  }

  @Test
  @DisplayName("AWS_ENDPOINT_URL environment variable (all services) reaches the mock")
  void globalEnvironmentVariable() throws Exception {
    run(
        "by-global-env",
        List.of(),
        Map.of(
            "AWS_ENDPOINT_URL",
            server.endpoint().toString(),
            "AWS_REGION",
            "us-east-1",
            "AWS_ACCESS_KEY_ID",
            "test",
            "AWS_SECRET_ACCESS_KEY",
            "test"));
  }

  @Test
  @DisplayName("endpoint_url in the shared config file's services section reaches the mock")
  void sharedConfigFile() throws Exception {
    Path config = home.resolve("config");
    Files.writeString(
        config,
        """
        [profile mock]
        region = us-east-1
        services = cognito-sync-mock

        [services cognito-sync-mock]
        cognito_sync =
          endpoint_url = %s
        """
            .formatted(server.endpoint()));
    Path credentials = home.resolve("credentials");
    Files.writeString(
        credentials,
        """
        [mock]
        aws_access_key_id = test
        aws_secret_access_key = test
        """);
    run(
        "by-config-file",
        List.of(),
        Map.of(
            "AWS_CONFIG_FILE",
            config.toString(),
            "AWS_SHARED_CREDENTIALS_FILE",
            credentials.toString(),
            "AWS_PROFILE",
            "mock"));
  }

  @Test
  @DisplayName(
      "control: the configured endpoint is the one used (elsewhere: the mock sees nothing)")
  void anEndpointElsewhereIsHonoured() throws Exception {
    Process p =
        start(
            "elsewhere",
            List.of(),
            Map.of(
                "AWS_ENDPOINT_URL_COGNITO_SYNC",
                "http://127.0.0.1:1",
                "AWS_ENDPOINT_URL",
                server.endpoint().toString(),
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_MAX_ATTEMPTS",
                "1"));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // the service-specific variable wins over the global one, as the SDK documents
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).contains("127.0.0.1:1");
    assertThat(values("elsewhere")).isEmpty();
  }

  private void run(String dataset, List<String> jvmOptions, Map<String, String> env)
      throws IOException, InterruptedException {
    Process p = start(dataset, jvmOptions, env);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(values(dataset)).isEqualTo(Map.of("theme", dataset));
  }

  private static Map<String, String> values(String dataset) {
    return server
        .service()
        .engine()
        .listRecords(
            Caller.developer(),
            new DatasetKey(UnchangedApplication.POOL, UnchangedApplication.IDENTITY, dataset),
            null,
            null,
            null)
        .records()
        .stream()
        .filter(r -> !r.isTombstone())
        .collect(Collectors.toMap(SyncRecord::key, SyncRecord::value));
  }

  private Process start(String dataset, List<String> jvmOptions, Map<String, String> env)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of(UnchangedApplication.class.getName(), "theme", dataset, dataset));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("AWS_"));
    // no ~/.aws of the machine: the config and credentials files name empty temporary files
    environment.put("AWS_CONFIG_FILE", home.resolve("absent-config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("absent-credentials").toString());
    environment.putAll(env);
    return builder.start();
  }
}
