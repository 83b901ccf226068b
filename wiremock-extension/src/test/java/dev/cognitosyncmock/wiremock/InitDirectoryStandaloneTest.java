package dev.cognitosyncmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server's {@code --init-dir}, run as a process on a free port: every kind of file
 * is in force from the first call, and a directory holding anything else is refused at start-up.
 * The port is read from the endpoint file the image's health check reads.
 */
class InitDirectoryStandaloneTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String ID = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  @DisplayName(
      "seed.json, faults.json, scenario.json and mappings/ in the init directory are loaded at start")
  void everyKindOfFileIsLoaded() throws Exception {
    Path init = Files.createDirectories(dir.resolve("init"));
    Files.writeString(
        init.resolve("seed.json"),
        """
        {"identityPools": [{"identityPoolId": "%s", "identities": [{"identityId": "%s",
          "datasets": [{"datasetName": "settings", "records": [{"key": "theme", "value": "dark"}]}]}]}]}
        """
            .formatted(POOL, ID));
    Files.writeString(
        init.resolve("faults.json"),
        """
        {"rules": [{"match": {"operation": "DescribeDataset"}, "trigger": {"nthCall": 1},
          "action": {"error": "TooManyRequestsException"}}]}
        """);
    Files.writeString(
        init.resolve("scenario.json"),
        """
        {"name": "from the init directory", "steps": [
          {"step": 1, "operation": "ListRecords", "datasetName": "settings", "status": 200}]}
        """);
    Files.createDirectories(init.resolve("mappings"));
    Files.writeString(
        init.resolve("mappings/hello.json"),
        """
        {"request": {"method": "GET", "url": "/from-init-dir"},
         "response": {"status": 200, "body": "mapping loaded from the init directory"}}
        """);
    Files.writeString(init.resolve(".hidden"), "ignored");
    Path endpointFile = dir.resolve("endpoint");
    Process server = start(init, endpointFile);
    try {
      URI endpoint = awaitEndpoint(endpointFile, server);
      assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
      String records = "/identitypools/" + POOL + "/identities/" + ID + "/datasets/settings";
      HttpResponse<String> listed = get(endpoint, records + "/records");
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("\"Key\":\"theme\"").contains("\"Value\":\"dark\"");
      HttpResponse<String> described = get(endpoint, records);
      assertThat(described.statusCode()).isEqualTo(429);
      assertThat(described.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("TooManyRequestsException");
      assertThat(get(endpoint, "/__admin/cognito-sync/scenario").body())
          .contains("from the init directory");
      HttpResponse<String> stub = get(endpoint, "/from-init-dir");
      assertThat(stub.statusCode()).isEqualTo(200);
      assertThat(stub.body()).isEqualTo("mapping loaded from the init directory");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(endpointFile).as("removed on shutdown").doesNotExist();
  }

  @Test
  @DisplayName("an init directory holding a file the mock does not read is refused in one line")
  void anUnknownFileIsRefused() throws Exception {
    Path init = Files.createDirectories(dir.resolve("init"));
    Files.writeString(init.resolve("seeds.json"), "{}");
    Process server = start(init, dir.resolve("endpoint"));
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.exitValue()).isNotZero();
    assertThat(out)
        .contains("holds [seeds.json], which the mock does not read")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  private Process start(Path init, Path endpointFile) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-D" + StandaloneServer.ENDPOINT_FILE_PROPERTY + "=" + endpointFile,
                "-cp",
                System.getProperty("java.class.path"),
                StandaloneServer.class.getName(),
                "--port",
                "0",
                "--bind-address",
                "127.0.0.1",
                "--init-dir",
                init.toString()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("COGNITO_SYNC_MOCK_"));
    return builder.start();
  }

  private static URI awaitEndpoint(Path file, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      if (!server.isAlive()) {
        throw new AssertionError(
            "server exited: "
                + new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no endpoint file after 60 s");
      }
      Thread.sleep(100);
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                server.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
              } catch (IOException ignored) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    return URI.create(Files.readString(file).trim());
  }

  private static HttpResponse<String> get(URI endpoint, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(endpoint.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
