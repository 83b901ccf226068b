package dev.cognitosyncmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standalone server as a child process ({@code java -cp ... StandaloneServer}), given each bad
 * configuration: one line on standard error that names the cause and the flag, variable or file, a
 * non-zero exit status, and no stack trace (unless {@code --debug}).
 */
class StartupErrorsTest {
  @TempDir static Path dir;
  static Path misspeltSeed;
  static Path malformedSeed;
  static Path malformedFaults;
  static Path misspeltIdentitySeed;

  @BeforeAll
  static void files() throws IOException {
    misspeltSeed =
        Files.writeString(
            dir.resolve("seed.json"),
            """
        {"identityPools": [{"identityPoolId": "us-east-1:00000000-0000-0000-0000-000000000001",
          "identites": []}]}""");
    malformedSeed = Files.writeString(dir.resolve("broken-seed.json"), "{\"identityPools\": [");
    misspeltIdentitySeed =
        Files.writeString(dir.resolve("identity-seed.json"), "{\"Pools\": [{\"Poool\": {}}]}");
    malformedFaults =
        Files.writeString(
            dir.resolve("faults.json"),
            "{\"match\": {\"operation\": \"ListRecords\"}, \"action\": {\"eror\": \"x\"}}");
  }

  record Case(
      String name, List<String> args, Map<String, String> env, int exit, List<String> mentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
            new Case(
                "port out of range",
                List.of("--port", "70000"),
                Map.of(),
                2,
                List.of("--port", "70000", "not a port", "see --help")),
            new Case(
                "port not a number",
                List.of("--port=http"),
                Map.of(),
                2,
                List.of("--port", "not a port")),
            new Case(
                "port from a bad variable",
                List.of(),
                Map.of("COGNITO_SYNC_MOCK_PORT", "x1"),
                2,
                List.of("COGNITO_SYNC_MOCK_PORT", "not a port")),
            new Case(
                "log level not an enumeration value",
                List.of("--log-level", "loud"),
                Map.of(),
                2,
                List.of("--log-level", "loud", "error, warn, info, debug")),
            new Case(
                "token expiry of zero",
                List.of("--token-expiry", "0"),
                Map.of(),
                2,
                List.of("--token-expiry", "longer than zero")),
            new Case(
                "unknown flag",
                List.of("--prot", "8080"),
                Map.of(),
                2,
                List.of("--prot", "did you mean --port?", "see --help")),
            new Case(
                "missing seed file",
                List.of("--port", "0", "--seed-file", "no/such/seed.json"),
                Map.of(),
                1,
                List.of("--seed-file", "no/such/seed.json", "no such file")),
            new Case(
                "malformed seed file",
                List.of("--port", "0", "--seed-file", "MALFORMED_SEED"),
                Map.of(),
                1,
                List.of("--seed-file", "broken-seed.json", "Invalid state document")),
            new Case(
                "seed with a misspelt member (identites)",
                List.of("--port", "0", "--seed-file", "MISSPELT_SEED"),
                Map.of(),
                1,
                List.of("--seed-file", "seed.json", "$.identityPools[0].identites")),
            new Case(
                "malformed fault file",
                List.of("--port", "0", "--fault-file", "MALFORMED_FAULTS"),
                Map.of(),
                1,
                List.of("--fault-file", "faults.json", "eror")),
            new Case(
                "signature verification with no keys",
                List.of("--port", "0", "--verify-signatures"),
                Map.of(),
                1,
                List.of("--verify-signatures", "--credentials-file")),
            new Case(
                "missing credentials file",
                List.of("--port", "0", "--credentials-file", "no/keys.json"),
                Map.of(),
                1,
                List.of("--credentials-file", "no/keys.json", "no such file")),
            new Case(
                "identity region not a region name (H7)",
                List.of("--port", "0", "--identity-region", "moon-base"),
                Map.of(),
                1,
                List.of("--identity-region", "moon-base", "Not an AWS region name")),
            new Case(
                "missing identity seed file",
                List.of("--port", "0", "--identity-seed-file", "no/identity.json"),
                Map.of(),
                1,
                List.of("--identity-seed-file", "no/identity.json", "no such file")),
            new Case(
                "identity seed with a misspelt member (Pool)",
                List.of("--port", "0", "--identity-seed-file", "MISSPELT_IDENTITY_SEED"),
                Map.of(),
                1,
                List.of("--identity-seed-file", "identity-seed.json", "Poool")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  @DisplayName("issue 16: a bad configuration is one line naming it, a non-zero exit, no trace")
  void badConfigurationIsOneLine(Case c) throws Exception {
    Run run = run(c.args().stream().map(StartupErrorsTest::file).toList(), c.env());
    assertThat(run.exit()).as(run.toString()).isEqualTo(c.exit());
    assertThat(run.errLines()).as(run.toString()).hasSize(1);
    String line = run.errLines().get(0);
    assertThat(line).startsWith("cognito-sync-mock: ");
    for (String mention : c.mentions()) {
      assertThat(line).as(run.toString()).contains(file(mention));
    }
    assertNoStackTrace(run);
  }

  @Test
  @DisplayName("issue 16: a port in use is found at once and named, with Address already in use")
  void portInUse() throws Exception {
    Path state = Files.createTempDirectory("port-in-use").resolve("state");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run =
          run(
              List.of(
                  "--bind-address",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(taken.getLocalPort()),
                  "--persistence-dir",
                  state.toString()),
              Map.of());
      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.errLines()).as(run.toString()).hasSize(1);
      assertThat(run.errLines().get(0))
          .contains("Address already in use", "--port", "127.0.0.1:" + taken.getLocalPort());
      assertNoStackTrace(run);
      // the port is checked before the mock builds itself: no state directory was made
      assertThat(state).doesNotExist();
    }
  }

  @Test
  @DisplayName("issue 16: --debug adds the stack trace after the one line")
  void debugShowsTheTrace() throws Exception {
    Run run = run(List.of("--port", "0", "--seed-file", "no/such/seed.json", "--debug"), Map.of());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines().get(0)).startsWith("cognito-sync-mock: seed file");
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  @DisplayName("issue 16: --help has examples and the endpoints, and no docs file to look for")
  void help() throws Exception {
    Run run = run(List.of("--help"), Map.of());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains(
            "Examples:",
            "/__admin/health",
            "/__admin/cognito-sync/state",
            "/__admin/cognito-sync/faults",
            "COGNITO_SYNC_MOCK_PORT",
            "--persistence-dir")
        .doesNotContain("docs/", ".md");
    assertThat(run.out().lines().filter(l -> l.contains("java -jar")).count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("issue 16: -V prints the version the build wrote in, not a placeholder")
  void version() throws Exception {
    Run run = run(List.of("-V"), Map.of());
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).matches("cognito-sync-mock \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  private static void assertNoStackTrace(Run run) {
    assertThat(run.err() + run.out()).doesNotContain("\tat ", "Exception", "Caused by");
  }

  private static String file(String placeholder) {
    return switch (placeholder) {
      case "MISSPELT_SEED" -> misspeltSeed.toString();
      case "MALFORMED_SEED" -> malformedSeed.toString();
      case "MALFORMED_FAULTS" -> malformedFaults.toString();
      case "MISSPELT_IDENTITY_SEED" -> misspeltIdentitySeed.toString();
      default -> placeholder;
    };
  }

  record Run(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  static Run run(List<String> args, Map<String, String> env) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StandaloneServer.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("COGNITO_SYNC_MOCK_"));
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + args);
    }
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
