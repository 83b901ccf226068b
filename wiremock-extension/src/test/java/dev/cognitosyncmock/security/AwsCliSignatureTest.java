package dev.cognitosyncmock.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second real client: the AWS CLI (botocore), which signs fewer headers than the Java SDK and no
 * x-amz-content-sha256. Skipped with a message when {@code aws} is not installed, unless CI is
 * true, where it must be (A1, A7, C5).
 */
class AwsCliSignatureTest extends SecurityTestSupport {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private Path aws;

  record Result(int exit, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void findCliAndStart() {
    aws = findOnPath("aws");
    if (aws == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("The AWS CLI (aws) must be installed in CI (.ci/run installs Debian's awscli)");
      }
      Assumptions.abort("The AWS CLI (aws) is not on PATH: skipping the CLI signature tests");
    }
    start(b -> b.verifySignatures(true).enforceCredentialClasses(true));
  }

  private static Path findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private Result run(String accessKeyId, String secret, String sessionToken, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(aws.toString(), "cognito-sync"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--output", "json"));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    if (sessionToken != null) {
      env.put("AWS_SESSION_TOKEN", sessionToken);
    }
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
    env.put("AWS_PAGER", "");
    env.put("AWS_MAX_ATTEMPTS", "1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("aws " + String.join(" ", args) + " did not finish in 90 s");
    }
    return new Result(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private Result run(AccessKey key, String... args) throws Exception {
    return run(key.accessKeyId(), key.secretAccessKey(), key.sessionToken(), args);
  }

  private static String[] listRecords(String identity) {
    return new String[] {
      "list-records",
      "--identity-pool-id",
      POOL,
      "--identity-id",
      identity,
      "--dataset-name",
      "settings"
    };
  }

  @Test
  void A1_C5_theCliSignsWithAnIdentitySessionAndWritesAsThatIdentity() throws Exception {
    Result listed = run(ALICE_KEY, listRecords(ALICE));
    assertThat(listed.exit()).as(listed.err()).isZero();
    String token = listed.json().get("SyncSessionToken").asString();
    Result updated =
        run(
            ALICE_KEY,
            "update-records",
            "--identity-pool-id",
            POOL,
            "--identity-id",
            ALICE,
            "--dataset-name",
            "settings",
            "--sync-session-token",
            token,
            "--record-patches",
            "Op=replace,Key=theme,Value=dark,SyncCount=0");
    assertThat(updated.exit()).as(updated.err()).isZero();
    assertThat(updated.json().get("Records").get(0).get("LastModifiedBy").asString())
        .isEqualTo(ALICE);
  }

  @Test
  void A1_aWrongSecretIsInvalidSignatureAndAnUnknownKeyUnrecognizedClient() throws Exception {
    Result wrong = run(DEVELOPER.accessKeyId(), "wrong-secret", null, listRecords(ALICE));
    assertThat(wrong.exit()).isNotZero();
    assertThat(wrong.err()).contains(AuthErrors.INVALID_SIGNATURE);
    Result unknown = run("AKIANOBODY0000000000", "secret", null, listRecords(ALICE));
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).contains(AuthErrors.UNRECOGNIZED_CLIENT);
  }

  @Test
  void A7_theCliSeesTheCredentialClassRefusals() throws Exception {
    Result asDeveloper = run(DEVELOPER, "get-cognito-events", "--identity-pool-id", POOL);
    assertThat(asDeveloper.exit()).as(asDeveloper.err()).isZero();
    Result asIdentity = run(ALICE_KEY, "get-cognito-events", "--identity-pool-id", POOL);
    assertThat(asIdentity.exit()).isNotZero();
    assertThat(asIdentity.err()).contains("NotAuthorizedException");
    Result othersData = run(ALICE_KEY, listRecords(BOB));
    assertThat(othersData.exit()).isNotZero();
    assertThat(othersData.err())
        .contains(
            "AccessDeniedException",
            "assumed-role/" + CredentialClasses.IDENTITY_ROLE + "/CognitoIdentityCredentials");
  }
}
