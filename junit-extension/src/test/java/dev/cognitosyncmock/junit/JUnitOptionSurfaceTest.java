package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.options.ValueType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Issue 13: every option is a JUnit option, through the builder's {@code options(..)} and
 * {@code @CognitoSyncTest(options = ...)}, and takes effect in the mock the extension starts; the
 * two that do not apply (log level, debug) are refused with the reason.
 */
class JUnitOptionSurfaceTest {
  static final Path DIR = Path.of("target", "junit-option-surface");
  static final Map<Option<?>, Object> SAMPLES = new LinkedHashMap<>();

  /** Every JUnit option as a flag, with the values of {@link #SAMPLES}. */
  @CognitoSyncTest(
      options = {
        "--port=0",
        "--bind-address=127.0.0.1",
        "--strict-pools",
        "--token-expiry=PT5M",
        "--account-id=210987654321",
        "--seed-file=target/junit-option-surface/seed.json",
        "--persistence-dir=target/junit-option-surface/state",
        "--fault-file=target/junit-option-surface/faults.json",
        "--scenario-file=target/junit-option-surface/scenario.json",
        "--root-dir=target/junit-option-surface/root",
        "--init-dir=target/junit-option-surface/init",
        "--record-from=http://127.0.0.1:9",
        "--record-region=eu-west-1",
        "--verify-signatures=true",
        "--credentials-file=target/junit-option-surface/keys.json",
        "--enforce-credential-classes",
        "--identity-seed-file=target/junit-option-surface/identity-seed.json",
        "--identity-region=eu-west-1",
        "--identity-keeps-sync-data",
        "--strict-login-tokens",
        "--admin-token=secret",
        "--request-journal-size=7",
        "--max-request-body-size=65536",
        "--fast-path=false",
        "--verbose"
      })
  static final class Annotated {}

  @BeforeAll
  static void files() throws IOException {
    if (Files.exists(DIR)) {
      try (Stream<Path> all = Files.walk(DIR)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(DIR);
    Files.createDirectories(DIR.resolve("init"));
    Files.writeString(
        DIR.resolve("seed.json"),
        """
        {"identityPools": [{"identityPoolId": "us-east-1:00000000-0000-0000-0000-000000000001",
          "identities": [{"identityId": "us-east-1:0000000a-0000-0000-0000-000000000000",
            "datasets": [{"datasetName": "prefs", "records": [
              {"key": "theme", "value": "dark", "syncCount": 1}]}]}]}]}""");
    Files.writeString(
        DIR.resolve("identity-seed.json"),
        """
        {"Pools": [{"Pool": {"IdentityPoolId": "us-east-1:00000000-0000-0000-0000-000000000001",
          "IdentityPoolName": "seeded", "AllowUnauthenticatedIdentities": true}}]}""");
    Files.writeString(
        DIR.resolve("faults.json"),
        "{\"match\": {\"operation\":"
            + " \"DeleteDataset\"}, \"action\": {\"error\": \"TooManyRequestsException\"}}");
    Files.writeString(
        DIR.resolve("scenario.json"),
        "{\"name\": \"one\", \"steps\": [{\"operation\": \"ListRecords\"}]}");
    Files.writeString(
        DIR.resolve("keys.json"),
        "[{\"accessKeyId\": \"AKIDSAMPLE\", \"secretAccessKey\": \"s\", \"kind\": \"developer\"}]");
    SAMPLES.put(CognitoSyncOptions.PORT, 0);
    SAMPLES.put(CognitoSyncOptions.BIND_ADDRESS, "127.0.0.1");
    SAMPLES.put(CognitoSyncOptions.STRICT_POOLS, true);
    SAMPLES.put(CognitoSyncOptions.TOKEN_EXPIRY, Duration.ofMinutes(5));
    SAMPLES.put(CognitoSyncOptions.ACCOUNT_ID, "210987654321");
    SAMPLES.put(CognitoSyncOptions.SEED_FILE, DIR.resolve("seed.json"));
    SAMPLES.put(CognitoSyncOptions.PERSISTENCE_DIRECTORY, DIR.resolve("state"));
    SAMPLES.put(CognitoSyncOptions.FAULT_FILE, DIR.resolve("faults.json"));
    SAMPLES.put(CognitoSyncOptions.SCENARIO_FILE, DIR.resolve("scenario.json"));
    SAMPLES.put(CognitoSyncOptions.ROOT_DIRECTORY, DIR.resolve("root"));
    SAMPLES.put(CognitoSyncOptions.INIT_DIRECTORY, DIR.resolve("init"));
    SAMPLES.put(CognitoSyncOptions.RECORD_FROM, URI.create("http://127.0.0.1:9"));
    SAMPLES.put(CognitoSyncOptions.RECORD_REGION, "eu-west-1");
    SAMPLES.put(CognitoSyncOptions.VERIFY_SIGNATURES, true);
    SAMPLES.put(CognitoSyncOptions.CREDENTIALS_FILE, DIR.resolve("keys.json"));
    SAMPLES.put(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES, true);
    SAMPLES.put(CognitoSyncOptions.IDENTITY_SEED_FILE, DIR.resolve("identity-seed.json"));
    SAMPLES.put(CognitoSyncOptions.IDENTITY_REGION, "eu-west-1");
    SAMPLES.put(CognitoSyncOptions.IDENTITY_KEEPS_SYNC_DATA, true);
    SAMPLES.put(CognitoSyncOptions.STRICT_LOGIN_TOKENS, true);
    SAMPLES.put(CognitoSyncOptions.ADMIN_TOKEN, "secret");
    SAMPLES.put(CognitoSyncOptions.REQUEST_JOURNAL_SIZE, 7);
    SAMPLES.put(CognitoSyncOptions.MAX_REQUEST_BODY_SIZE, 65536);
    SAMPLES.put(CognitoSyncOptions.FAST_PATH, false);
    SAMPLES.put(CognitoSyncOptions.VERBOSE, true);
    SAMPLES.put(CognitoSyncOptions.LOG_LEVEL, ValueType.LogLevel.DEBUG);
    SAMPLES.put(CognitoSyncOptions.DEBUG, true);
  }

  @Test
  @DisplayName("issue 13: every option applying to JUnit is set by @CognitoSyncTest(options)")
  void annotation() {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(CognitoSyncOptions.ALL);
    CognitoSyncOptions fromAnnotation =
        CognitoSyncExtension.Builder.from(Annotated.class.getAnnotation(CognitoSyncTest.class))
            .options()
            .options();
    for (Option<?> o : CognitoSyncOptions.ALL) {
      if (o.appliesTo(Surface.JUNIT)) {
        assertThat(fromAnnotation.get(o)).as(o.flag()).isEqualTo(SAMPLES.get(o));
      }
    }
  }

  @Test
  @DisplayName(
      "issue 13: every option applying to JUnit is set by the builder's options(..),"
          + " the others are refused with the reason")
  void builder() {
    for (Option<?> o : CognitoSyncOptions.ALL) {
      CognitoSyncOptions one = single(o);
      if (o.appliesTo(Surface.JUNIT)) {
        assertThat(CognitoSyncExtension.newInstance().options(one).options().options().get(o))
            .as(o.name())
            .isEqualTo(SAMPLES.get(o));
      } else {
        assertThatThrownBy(() -> CognitoSyncExtension.newInstance().options(one).build())
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining(o.flag())
            .hasMessageContaining(o.whyNot(Surface.JUNIT).get());
      }
    }
  }

  @Test
  @DisplayName(
      "issue 13: the options the extension could not set before take effect: persistence,"
          + " fault and scenario files, admin token, bind address, recording, files root")
  void optionsTakeEffect() throws Exception {
    MockOptions options =
        CognitoSyncExtension.Builder.from(Annotated.class.getAnnotation(CognitoSyncTest.class))
            .options();
    RunningMock running = RunningMock.start(options, getClass().getClassLoader());
    try {
      var server = running.server();
      var service = server.service();
      assertThat(server.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
      assertThat(service.engine().settings().strictPools()).isTrue();
      assertThat(service.engine().exportState().identityPools()).hasSize(1); // the seed file
      assertThat(service.faults().rules().list()).hasSize(1);
      assertThat(service.identity().engine().pools()) // the identity seed file
          .containsExactly("us-east-1:00000000-0000-0000-0000-000000000001");
      assertThat(service.identity().engine().settings().region()).isEqualTo("eu-west-1");
      assertThat(service.identity().engine().settings().deleteSyncData()).isFalse();
      assertThat(service.identity().engine().settings().strictLoginTokens()).isTrue();
      assertThat(service.security().verifySignatures()).isTrue();
      assertThat(service.security().credentials())
          .extracting(k -> k.accessKeyId())
          .contains("AKIDSAMPLE", RunningMock.DEVELOPER_KEY.accessKeyId());
      assertThat(service.faults().recorder().isRecording()).isTrue();
      assertThat(server.filesRoot()).contains(DIR.resolve("root"));
      HttpResponse<String> state =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/__admin/cognito-sync/state"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(state.statusCode()).isEqualTo(401); // the admin token
      // the seed is the extension's baseline: a reset goes back to it
      running.reset();
      assertThat(service.engine().exportState().identityPools()).hasSize(1);
    } finally {
      running.stop();
    }
    assertThat(DIR.resolve("state")).isNotEmptyDirectory();
    assertThat(DIR.resolve("root").resolve("recorded-scenario.json")).exists();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static CognitoSyncOptions single(Option o) {
    return CognitoSyncOptions.builder().set(o, SAMPLES.get(o)).build();
  }
}
