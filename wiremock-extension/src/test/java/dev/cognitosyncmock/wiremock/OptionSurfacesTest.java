package dev.cognitosyncmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.options.ValueType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13: every option of {@link CognitoSyncOptions#ALL} is reachable as a flag, an environment
 * variable and a typed builder method, and takes effect in the server those options build. (The
 * JUnit and container surfaces are checked in their modules, the docs tables in the options
 * module.)
 */
class OptionSurfacesTest {
  @TempDir static Path dir;
  static Map<Option<?>, Object> samples;

  /** A valid value of every option that differs from its default. */
  @BeforeAll
  static void samples() throws IOException {
    Path seed =
        Files.writeString(
            dir.resolve("seed.json"),
            """
        {"identityPools": [{"identityPoolId": "us-east-1:00000000-0000-0000-0000-000000000001",
          "identities": [{"identityId": "us-east-1:0000000a-0000-0000-0000-000000000000",
            "datasets": [{"datasetName": "prefs", "records": [
              {"key": "theme", "value": "dark", "syncCount": 1}]}]}]}]}""");
    Path faults =
        Files.writeString(
            dir.resolve("faults.json"),
            "{\"match\": {\"operation\": \"DeleteDataset\"}, \"action\": {\"error\": \"TooManyRequestsException\"}}");
    Path scenario =
        Files.writeString(
            dir.resolve("scenario.json"),
            "{\"name\": \"one\", \"steps\": [{\"operation\": \"ListRecords\"}]}");
    // an init directory whose files the explicit options above win over
    Path init = Files.createDirectories(dir.resolve("init"));
    Files.writeString(init.resolve("scenario.json"), "{\"name\": \"from init\", \"steps\": []}");
    Path keys =
        Files.writeString(
            dir.resolve("keys.json"),
            "[{\"accessKeyId\": \"AKIDSAMPLE\", \"secretAccessKey\": \"s\", \"kind\": \"developer\"}]");
    Path identitySeed =
        Files.writeString(
            dir.resolve("identity-seed.json"),
            """
        {"Pools": [{"Pool": {"IdentityPoolId": "us-east-1:00000000-0000-0000-0000-000000000001",
          "IdentityPoolName": "seeded", "AllowUnauthenticatedIdentities": true}}]}""");
    samples =
        Map.ofEntries(
            Map.entry(CognitoSyncOptions.PORT, 0),
            Map.entry(CognitoSyncOptions.BIND_ADDRESS, "127.0.0.1"),
            Map.entry(CognitoSyncOptions.STRICT_POOLS, true),
            Map.entry(CognitoSyncOptions.TOKEN_EXPIRY, Duration.ofMinutes(5)),
            Map.entry(CognitoSyncOptions.ACCOUNT_ID, "210987654321"),
            Map.entry(CognitoSyncOptions.SEED_FILE, seed),
            Map.entry(CognitoSyncOptions.PERSISTENCE_DIRECTORY, dir.resolve("state")),
            Map.entry(CognitoSyncOptions.FAULT_FILE, faults),
            Map.entry(CognitoSyncOptions.SCENARIO_FILE, scenario),
            Map.entry(CognitoSyncOptions.ROOT_DIRECTORY, dir.resolve("root")),
            Map.entry(CognitoSyncOptions.INIT_DIRECTORY, init),
            Map.entry(CognitoSyncOptions.RECORD_FROM, URI.create("http://127.0.0.1:9")),
            Map.entry(CognitoSyncOptions.RECORD_REGION, "eu-west-1"),
            Map.entry(CognitoSyncOptions.VERIFY_SIGNATURES, true),
            Map.entry(CognitoSyncOptions.CREDENTIALS_FILE, keys),
            Map.entry(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES, true),
            Map.entry(CognitoSyncOptions.IDENTITY_SEED_FILE, identitySeed),
            Map.entry(CognitoSyncOptions.IDENTITY_REGION, "eu-west-1"),
            Map.entry(CognitoSyncOptions.IDENTITY_KEEPS_SYNC_DATA, true),
            Map.entry(CognitoSyncOptions.STRICT_LOGIN_TOKENS, true),
            Map.entry(CognitoSyncOptions.ADMIN_TOKEN, "secret"),
            Map.entry(CognitoSyncOptions.REQUEST_JOURNAL_SIZE, 7),
            Map.entry(CognitoSyncOptions.MAX_REQUEST_BODY_SIZE, 65536),
            Map.entry(CognitoSyncOptions.FAST_PATH, false),
            Map.entry(CognitoSyncOptions.VERBOSE, true),
            Map.entry(CognitoSyncOptions.LOG_LEVEL, ValueType.LogLevel.DEBUG),
            Map.entry(CognitoSyncOptions.DEBUG, true));
  }

  @Test
  @DisplayName("issue 13: every option has a sample here, so none escapes the checks below")
  void everyOptionIsChecked() {
    assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(CognitoSyncOptions.ALL);
  }

  @Test
  @DisplayName("issue 13: every option is a flag of the standalone server")
  void flags() {
    for (Option<?> o : CognitoSyncOptions.ALL) {
      assertThat(o.appliesTo(Surface.FLAG)).as(o.name()).isTrue();
      CommandLine.ParseResult parsed =
          StandaloneServer.commandLine().parseArgs(o.flag() + "=" + text(o));
      assertThat(StandaloneServer.resolve(parsed, Map.of()).get(o))
          .as(o.flag())
          .isEqualTo(samples.get(o));
    }
  }

  @Test
  @DisplayName("issue 13: every option is an environment variable, and a flag wins over it")
  void environmentVariables() {
    for (Option<?> o : CognitoSyncOptions.ALL) {
      assertThat(o.appliesTo(Surface.ENV)).as(o.name()).isTrue();
      CognitoSyncOptions fromEnv =
          StandaloneServer.resolve(
              StandaloneServer.commandLine().parseArgs(), Map.of(o.env(), text(o)));
      assertThat(fromEnv.get(o)).as(o.env()).isEqualTo(samples.get(o));
    }
    CognitoSyncOptions both =
        StandaloneServer.resolve(
            StandaloneServer.commandLine().parseArgs("--account-id=111111111111"),
            Map.of("COGNITO_SYNC_MOCK_ACCOUNT_ID", "222222222222"));
    assertThat(both.get(CognitoSyncOptions.ACCOUNT_ID)).isEqualTo("111111111111");
  }

  @Test
  @DisplayName("issue 13: every option applying in-process is a typed builder method")
  void typedBuilderMethods() throws Exception {
    for (Option<?> o : CognitoSyncOptions.ALL) {
      Optional<Method> method = typedMethod(CognitoSyncOptions.Builder.class, o.name(), o);
      if (!o.appliesTo(Surface.BUILDER)) {
        assertThat(method).as(o.name() + " does not apply: " + o.whyNot(Surface.BUILDER)).isEmpty();
        continue;
      }
      assertThat(method)
          .as(
              "CognitoSyncOptions.Builder."
                  + o.name()
                  + "("
                  + o.type().javaType().getSimpleName()
                  + ")")
          .isPresent();
      CognitoSyncOptions.Builder b = CognitoSyncOptions.builder();
      method.get().invoke(b, samples.get(o));
      assertThat(b.build().get(o)).as(o.name()).isEqualTo(samples.get(o));
    }
  }

  @Test
  @DisplayName("issue 13: the builders' options take effect in the service and server they build")
  void optionsTakeEffect() throws Exception {
    CognitoSyncOptions.Builder b = CognitoSyncOptions.builder();
    samples.forEach(
        (o, v) -> {
          if (o.appliesTo(Surface.BUILDER)) {
            set(b, o, v);
          }
        });
    CognitoSyncOptions options = b.build();
    CognitoSyncServer server = CognitoSyncServer.builder().options(options).build();
    CognitoSyncService service = server.service();
    try {
      server.start();
      assertThat(server.options().values()).containsAllEntriesOf(options.values());
      assertThat(service.engine().settings().strictPools()).isTrue();
      assertThat(service.engine().settings().tokenExpiry()).isEqualTo(Duration.ofMinutes(5));
      assertThat(service.engine().exportState().identityPools()).hasSize(1); // the seed
      assertThat(service.faults().rules().list()).hasSize(1);
      assertThat(service.security().verifySignatures()).isTrue();
      assertThat(service.security().enforceCredentialClasses()).isTrue();
      assertThat(service.security().credentials()).hasSize(1);
      assertThat(service.adminToken()).contains("secret");
      assertThat(service.identity().engine().pools()) // the identity seed, on the Sync seed's pool
          .containsExactly("us-east-1:00000000-0000-0000-0000-000000000001");
      assertThat(service.identity().engine().settings().region()).isEqualTo("eu-west-1");
      assertThat(service.identity().engine().settings().deleteSyncData()).isFalse();
      assertThat(service.identity().engine().settings().strictLoginTokens()).isTrue();
      assertThat(service.identity().engine().settings().accountId()).isEqualTo("210987654321");
      assertThat(server.filesRoot()).contains(dir.resolve("root"));
      assertThat(dir.resolve("root").resolve("mappings")).isDirectory();
      assertThat(server.wireMock().getOptions().maxRequestJournalEntries()).contains(7);
      assertThat(server.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
      assertThat(service.faults().recorder().isRecording()).isTrue(); // recordFrom
      assertThat(server.fastPath().offBecause())
          .hasValueSatisfying(why -> assertThat(why).contains("--fast-path"));
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/__admin/cognito-sync/state"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(401); // the admin token
    } finally {
      server.stop();
      service.close();
    }
    assertThat(dir.resolve("state")).isNotEmptyDirectory(); // persistence
    assertThat(dir.resolve("root").resolve("recorded-scenario.json")).exists();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void set(CognitoSyncOptions.Builder b, Option o, Object v) {
    b.set(o, v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static String text(Option o) {
    return o.format(samples.get(o));
  }

  static Optional<Method> typedMethod(Class<?> type, String name, Option<?> o) {
    return Arrays.stream(type.getMethods())
        .filter(
            m ->
                m.getName().equals(name)
                    && m.getParameterCount() == 1
                    && boxed(m.getParameterTypes()[0]) == o.type().javaType())
        .findFirst();
  }

  static Class<?> boxed(Class<?> c) {
    return c == int.class ? Integer.class : c == boolean.class ? Boolean.class : c;
  }
}
