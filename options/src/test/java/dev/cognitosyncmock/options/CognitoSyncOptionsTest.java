package dev.cognitosyncmock.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CognitoSyncOptionsTest {

  @Test
  @DisplayName("issue 13: each option has its own name, flag and variable, all derived alike")
  void namesAreUnique() {
    Set<String> seen = new HashSet<>();
    for (Option<?> o : CognitoSyncOptions.ALL) {
      assertThat(seen.add(o.name())).as(o.name()).isTrue();
      assertThat(seen.add(o.flag())).as(o.flag()).isTrue();
      assertThat(seen.add(o.env())).as(o.env()).isTrue();
      assertThat(o.flag()).matches("--[a-z]+(-[a-z]+)*");
      assertThat(o.env())
          .isEqualTo("COGNITO_SYNC_MOCK_" + o.flag().substring(2).replace('-', '_').toUpperCase());
      if (o.defaultValue() != null) {
        assertThat(((Option) o).check(o.defaultValue())).isEqualTo(o.defaultValue());
      }
    }
  }

  @Test
  @DisplayName("issue 13: one duration syntax everywhere: ISO-8601 or whole seconds")
  void durations() {
    assertThat(ValueType.duration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ValueType.duration("pt0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(ValueType.duration("900")).isEqualTo(Duration.ofSeconds(900));
    assertThatThrownBy(() -> ValueType.duration("15 minutes"))
        .hasMessageContaining("ISO-8601 (PT15M) or whole seconds (900)");
    assertThatThrownBy(() -> CognitoSyncOptions.builder().tokenExpiry(Duration.ZERO))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("tokenExpiry");
  }

  @Test
  @DisplayName("issue 16: values are checked where they are given, naming the flag or variable")
  void valuesAreChecked() {
    assertThatThrownBy(() -> CognitoSyncOptions.builder().port(70000))
        .hasMessage("invalid value '70000' for port: not a port (0-65535)");
    assertThatThrownBy(
            () ->
                CognitoSyncOptions.builder()
                    .environment(Map.of("COGNITO_SYNC_MOCK_LOG_LEVEL", "loud")))
        .hasMessage(
            "invalid value 'loud' for environment variable COGNITO_SYNC_MOCK_LOG_LEVEL:"
                + " not one of error, warn, info, debug");
    assertThatThrownBy(() -> CognitoSyncOptions.builder().arguments("--prot=1"))
        .hasMessageStartingWith("unknown option '--prot'");
    assertThatThrownBy(() -> CognitoSyncOptions.builder().arguments("--seed-file"))
        .hasMessageContaining("needs a value: --seed-file=FILE");
  }

  @Test
  @DisplayName("issue 13: the annotation's --flag=value form sets any option")
  void arguments() {
    CognitoSyncOptions o =
        CognitoSyncOptions.builder()
            .arguments("--persistence-dir=target/state", "--strict-pools", "--token-expiry=60")
            .build();
    assertThat(o.get(CognitoSyncOptions.PERSISTENCE_DIRECTORY)).isEqualTo(Path.of("target/state"));
    assertThat(o.get(CognitoSyncOptions.STRICT_POOLS)).isTrue();
    assertThat(o.get(CognitoSyncOptions.TOKEN_EXPIRY)).isEqualTo(Duration.ofMinutes(1));
    assertThat(
            CognitoSyncOptions.builder().arguments(o.toArguments().toArray(String[]::new)).build())
        .isEqualTo(o);
    // unset, an option falls back to its in-process default
    assertThat(CognitoSyncOptions.defaults().get(CognitoSyncOptions.PORT)).isZero();
    assertThat(CognitoSyncOptions.defaults().get(CognitoSyncOptions.BIND_ADDRESS))
        .isEqualTo("127.0.0.1");
  }
}
