package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.options.ValueType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: every option is a container option, as {@code withOption} and as a typed {@code
 * with<Name>} method, each setting the variable the image's server reads (files copied in,
 * directories bound); the two a container fixes are refused with the reason. No engine needed.
 */
class ContainerOptionSurfaceTest {
  @TempDir Path dir;

  private Map<Option<?>, Object> samples() throws IOException {
    Path file = Files.writeString(dir.resolve("any.json"), "{}");
    return Map.ofEntries(
        Map.entry(CognitoSyncOptions.PORT, 9000),
        Map.entry(CognitoSyncOptions.BIND_ADDRESS, "127.0.0.1"),
        Map.entry(CognitoSyncOptions.STRICT_POOLS, true),
        Map.entry(CognitoSyncOptions.TOKEN_EXPIRY, Duration.ofMinutes(5)),
        Map.entry(CognitoSyncOptions.ACCOUNT_ID, "210987654321"),
        Map.entry(CognitoSyncOptions.SEED_FILE, file),
        Map.entry(CognitoSyncOptions.PERSISTENCE_DIRECTORY, dir),
        Map.entry(CognitoSyncOptions.FAULT_FILE, file),
        Map.entry(CognitoSyncOptions.SCENARIO_FILE, file),
        Map.entry(CognitoSyncOptions.ROOT_DIRECTORY, dir),
        Map.entry(CognitoSyncOptions.INIT_DIRECTORY, dir),
        Map.entry(
            CognitoSyncOptions.RECORD_FROM,
            URI.create("https://cognito-sync.eu-west-1.amazonaws.com")),
        Map.entry(CognitoSyncOptions.RECORD_REGION, "eu-west-1"),
        Map.entry(CognitoSyncOptions.VERIFY_SIGNATURES, true),
        Map.entry(CognitoSyncOptions.CREDENTIALS_FILE, file),
        Map.entry(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES, true),
        Map.entry(CognitoSyncOptions.IDENTITY_SEED_FILE, file),
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
  @DisplayName("issue 13: every option is a typed container method and withOption, or says why not")
  void everyOptionIsAContainerOption() throws Exception {
    Map<Option<?>, Object> samples = samples();
    assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(CognitoSyncOptions.ALL);
    for (Option<?> o : CognitoSyncOptions.ALL) {
      Object value = samples.get(o);
      if (!o.appliesTo(Surface.CONTAINER)) {
        assertThatThrownBy(() -> withOption(new CognitoSyncContainer(), o, value))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(o.whyNot(Surface.CONTAINER).get());
        continue;
      }
      String name = "with" + Character.toUpperCase(o.name().charAt(0)) + o.name().substring(1);
      Optional<Method> typed =
          Arrays.stream(CognitoSyncContainer.class.getMethods())
              .filter(
                  m ->
                      m.getName().equals(name)
                          && m.getParameterCount() == 1
                          && boxed(m.getParameterTypes()[0]) == o.type().javaType())
              .findFirst();
      assertThat(typed)
          .as("CognitoSyncContainer." + name + "(" + o.type().javaType().getSimpleName() + ")")
          .isPresent();
      try (CognitoSyncContainer byMethod = new CognitoSyncContainer();
          CognitoSyncContainer generic = new CognitoSyncContainer()) {
        typed.get().invoke(byMethod, value);
        withOption(generic, o, value);
        String expected =
            switch (o.type().label()) {
              case "FILE" -> "/etc/cognito-sync-mock/" + o.name().replace("File", "") + ".json";
              case "DIR" ->
                  o == CognitoSyncOptions.PERSISTENCE_DIRECTORY
                      ? "/data"
                      : o == CognitoSyncOptions.INIT_DIRECTORY
                          ? CognitoSyncContainer.INIT_DIRECTORY
                          : "/wiremock";
              default -> format(o, value);
            };
        assertThat(byMethod.getEnvMap()).as(name).containsEntry(o.env(), expected);
        assertThat(generic.getEnvMap())
            .as("withOption(" + o.name() + ")")
            .containsEntry(o.env(), expected);
        if (o.type() == ValueType.FILE) {
          assertThat(byMethod.getCopyToFileContainerPathMap().values()).containsExactly(expected);
        }
        if (o == CognitoSyncOptions.INIT_DIRECTORY) { // copied, so a remote engine gets it too
          assertThat(byMethod.getCopyToFileContainerPathMap().values()).containsExactly(expected);
        } else if (o.type() == ValueType.DIRECTORY) {
          assertThat(byMethod.getBinds())
              .anySatisfy(b -> assertThat(b.getVolume().getPath()).isEqualTo(expected));
        }
      }
    }
  }

  @Test
  @DisplayName("issue 13: withOptions takes a whole CognitoSyncOptions, checked as it is set")
  void wholeOptions() {
    try (CognitoSyncContainer mock =
        new CognitoSyncContainer()
            .withOptions(
                CognitoSyncOptions.builder()
                    .strictPools(true)
                    .adminToken("t")
                    .tokenExpiry(Duration.ofSeconds(90))
                    .build())) {
      assertThat(mock.getEnvMap())
          .containsEntry("COGNITO_SYNC_MOCK_STRICT_POOLS", "true")
          .containsEntry("COGNITO_SYNC_MOCK_ADMIN_TOKEN", "t")
          .containsEntry("COGNITO_SYNC_MOCK_TOKEN_EXPIRY", "PT1M30S");
    }
    assertThatThrownBy(() -> new CognitoSyncContainer().withRequestJournalSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestJournalSize");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void withOption(CognitoSyncContainer c, Option o, Object value) {
    c.withOption(o, value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String format(Option o, Object value) {
    return o.format(value);
  }

  private static Class<?> boxed(Class<?> c) {
    return c == int.class ? Integer.class : c == boolean.class ? Boolean.class : c;
  }
}
