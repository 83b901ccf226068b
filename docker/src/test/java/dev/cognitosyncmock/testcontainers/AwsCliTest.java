package dev.cognitosyncmock.testcontainers;

import static dev.cognitosyncmock.testcontainers.ContainerTests.IDENTITY;
import static dev.cognitosyncmock.testcontainers.ContainerTests.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI (`aws cognito-sync ...`) against the running container. */
class AwsCliTest {

  static CognitoSyncContainer mock;

  @BeforeAll
  static void start() throws Exception {
    String version = awsVersion();
    if (version == null) {
      String why = "no working `aws` on PATH (Debian: apt-get install awscli)";
      if (ContainerTests.onCi()) {
        fail("CI=true, but " + why);
      }
      System.err.println("WARNING: AWS CLI test skipped: " + why);
      Assumptions.abort("AWS CLI test skipped: " + why);
    }
    System.out.println("AWS CLI: " + version);
    ContainerTests.requireContainerEngine();
    mock = ContainerTests.container();
    mock.start();
  }

  @AfterAll
  static void stop() {
    if (mock != null) {
      mock.stop();
    }
  }

  @Test
  void listUpdateConflictAndListAgain() throws Exception {
    String token = ok("list-records", "--dataset-name", "cli", "--query", "SyncSessionToken");
    assertThat(token).isNotBlank().isNotEqualTo("None");

    assertThat(
            ok(
                "update-records",
                "--dataset-name",
                "cli",
                "--sync-session-token",
                token,
                "--record-patches",
                "Op=replace,Key=theme,Value=dark,SyncCount=0",
                "--query",
                "Records[0].SyncCount"))
        .isEqualTo("1");

    Result conflict =
        aws(
            "update-records",
            "--dataset-name",
            "cli",
            "--sync-session-token",
            token,
            "--record-patches",
            "Op=replace,Key=theme,Value=light,SyncCount=0");
    assertThat(conflict.exitCode).as(conflict.toString()).isNotZero();
    assertThat(conflict.stderr)
        .contains("ResourceConflictException")
        .contains("Current SyncCount for: theme is: 1 not: 0");

    assertThat(
            ok(
                "list-records",
                "--dataset-name",
                "cli",
                "--query",
                "join(',', Records[].[Key, Value, to_string(SyncCount)][])"))
        .isEqualTo("theme,dark,1");
  }

  private static String ok(String... args) throws Exception {
    Result r = aws(args);
    assertThat(r.exitCode).as(r.toString()).isZero();
    return r.stdout.trim();
  }

  private static Result aws(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "aws",
                "cognito-sync",
                args[0],
                "--endpoint-url",
                mock.getEndpoint().toString(),
                "--output",
                "text",
                "--identity-pool-id",
                POOL,
                "--identity-id",
                IDENTITY));
    command.addAll(List.of(args).subList(1, args.length));
    return run(command);
  }

  private static String awsVersion() {
    try {
      Result r = run(List.of("aws", "--version"));
      return r.exitCode == 0 ? (r.stdout + r.stderr).trim() : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("aws-out", ".txt");
    Path err = Files.createTempFile("aws-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      env.remove("AWS_SESSION_TOKEN");
      env.remove("AWS_PROFILE");
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
      env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("AWS_PAGER", "");
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("aws did not finish in 60 s: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }
}
