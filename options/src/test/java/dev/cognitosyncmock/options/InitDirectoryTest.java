package dev.cognitosyncmock.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitDirectoryTest {
  @TempDir Path dir;

  @Test
  @DisplayName("issue 15: every file of the init directory becomes its option; explicit ones win")
  void filesBecomeOptions() throws IOException {
    for (String name : InitDirectory.ENTRIES) {
      if (name.endsWith(".json")) {
        Files.writeString(dir.resolve(name), "{}");
      } else {
        Files.createDirectories(dir.resolve(name));
      }
    }
    Path explicit = dir.resolveSibling("explicit-faults.json");
    CognitoSyncOptions expanded =
        InitDirectory.expand(
            CognitoSyncOptions.builder()
                .initDirectory(dir)
                .set(CognitoSyncOptions.FAULT_FILE, explicit)
                .build());
    assertThat(expanded.get(CognitoSyncOptions.SEED_FILE)).isEqualTo(dir.resolve("seed.json"));
    assertThat(expanded.get(CognitoSyncOptions.IDENTITY_SEED_FILE))
        .isEqualTo(dir.resolve("identity-seed.json"));
    assertThat(expanded.get(CognitoSyncOptions.SCENARIO_FILE))
        .isEqualTo(dir.resolve("scenario.json"));
    assertThat(expanded.get(CognitoSyncOptions.ROOT_DIRECTORY)).isEqualTo(dir);
    assertThat(expanded.get(CognitoSyncOptions.FAULT_FILE)).isEqualTo(explicit);
  }

  @Test
  @DisplayName("issue 15: a file the mock does not read is refused, naming it")
  void unknownEntriesAreRefused() throws IOException {
    Files.writeString(dir.resolve("seeds.json"), "{}");
    assertThatThrownBy(
            () -> InitDirectory.expand(CognitoSyncOptions.builder().initDirectory(dir).build()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("seeds.json")
        .hasMessageContaining("--init-dir");
  }
}
