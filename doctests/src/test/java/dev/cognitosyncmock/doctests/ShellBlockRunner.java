package dev.cognitosyncmock.doctests;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a shell block with bash ({@code set -euo pipefail}) against a mock started for it on a free
 * port: the block's {@code localhost:8080}, {@code 127.0.0.1:8080}, {@code --port 8080}, {@code
 * --port=8080}, {@code ..._PORT=8080} and the host side of {@code -p 8080:} are rewritten to that
 * port. Options: {@code no-server} (the block starts nothing that needs one), {@code background}
 * (the block starts the server itself and keeps running: it passes once {@code /__admin/health}
 * answers on the port, and is then stopped), {@code repo} (run in the repository root instead of
 * the scratch project), {@code fails-with=TEXT} (the block must exit non-zero with TEXT in its
 * output, as a walkthrough that ends on an error does). {@code curl} runs with {@code
 * --fail-with-body}, so an HTTP error answer fails the block.
 *
 * <p>Where the container engine's environment names local base images ({@code
 * COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE}/{@code _BASE_IMAGE}, set by .ci/container-engine.sh on
 * machines without a registry), {@code docker build} gets them as build arguments.
 */
final class ShellBlockRunner {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern PORT =
      Pattern.compile("(?<=localhost:|127\\.0\\.0\\.1:|--port |--port=|-p |_PORT=)8080\\b");

  private final Sandbox sandbox;
  private final Path repositoryRoot;

  ShellBlockRunner(Sandbox sandbox, Path repositoryRoot) {
    this.sandbox = sandbox;
    this.repositoryRoot = repositoryRoot;
  }

  void run(CodeBlock block) throws Exception {
    boolean ownServer = block.has("no-server") || block.has("background");
    try (CognitoSyncServer server =
        ownServer ? null : CognitoSyncServer.builder().build().start()) {
      int port = server != null ? server.port() : freePort();
      Path script = sandbox.dir().resolve("block-" + block.line() + ".sh");
      Files.writeString(script, preamble() + withPort(block.body(), port));
      Path output = sandbox.dir().resolve("block-" + block.line() + ".out");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString())
              .directory((block.has("repo") ? repositoryRoot : sandbox.dir()).toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().putAll(Map.of("AWS_PAGER", "", "NO_COLOR", "1"));
      Process process = builder.start();
      try {
        if (block.has("background")) {
          awaitHealthy(block, process, port, output);
        } else {
          awaitExit(block, process, output);
        }
      } finally {
        stop(process);
      }
    }
  }

  static String withPort(String body, int port) {
    return PORT.matcher(body).replaceAll(Matcher.quoteReplacement(Integer.toString(port)));
  }

  private static String preamble() {
    // an HTTP error answer fails the block (curl -s alone exits 0 on a 404), with the body shown
    StringBuilder s =
        new StringBuilder(
            "set -euo pipefail\n" + "curl() { command curl --fail-with-body \"$@\"; }\n");
    String jdk = System.getenv("COGNITO_SYNC_MOCK_BUILD_JDK_IMAGE");
    String base = System.getenv("COGNITO_SYNC_MOCK_BUILD_BASE_IMAGE");
    if (jdk != null && !jdk.isBlank() && base != null && !base.isBlank()) {
      s.append("docker() { if [ \"$1\" = build ]; then shift; command docker build")
          .append(" --build-arg JDK_IMAGE=")
          .append(jdk)
          .append(" --build-arg BASE_IMAGE=")
          .append(base)
          .append(" \"$@\"; else command docker \"$@\"; fi; }\n");
    }
    return s.toString();
  }

  private static void awaitExit(CodeBlock block, Process process, Path output) throws Exception {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError(
          block.location() + ": still running after " + TIMEOUT + tail(output));
    }
    int exit = process.exitValue();
    String expected = block.option("fails-with").orElse(null);
    if (expected == null && exit != 0) {
      throw new AssertionError(
          block.location() + ": the shell block exited with " + exit + tail(output));
    }
    if (expected != null) {
      String text = Files.readString(output);
      if (exit == 0 || !text.contains(expected)) {
        throw new AssertionError(
            block.location()
                + ": expected a non-zero exit with '"
                + expected
                + "' in the output; exit "
                + exit
                + tail(output));
      }
    }
  }

  private static void awaitHealthy(CodeBlock block, Process process, int port, Path output)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/__admin/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            block.location()
                + ": exited with "
                + process.exitValue()
                + " before the server answered on port "
                + port
                + tail(output));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        block.location() + ": no answer on port " + port + " after " + TIMEOUT + tail(output));
  }

  /** Stops the block and whatever it started (a background server, a build). */
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> all = process.descendants().toList();
    all.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    all.forEach(ProcessHandle::destroyForcibly);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String tail(Path output) throws IOException {
    List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of();
    return "\n--- last lines of its output ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
