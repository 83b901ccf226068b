package dev.cognitosyncmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.persistence.StateJournal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that cannot be read stops start-up with one line that names the file, says what is
 * wrong and what the user can do; no parser exception, no stack trace.
 */
class CorruptSnapshotStartupTest {
  static final DatasetKey KEY =
      new DatasetKey(
          "us-east-1:11111111-2222-3333-4444-555555555555",
          "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          "settings");

  @TempDir Path dir;

  private Path truncatedSnapshot() throws Exception {
    SyncEngine engine = new SyncEngine();
    StateJournal journal = StateJournal.open(dir, engine);
    engine.putRecords(Caller.developer(), KEY, Map.of("theme", "dark"));
    journal.close();
    Path snapshot = dir.resolve("snapshot.json");
    byte[] bytes = Files.readAllBytes(snapshot);
    Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    return snapshot;
  }

  @Test
  void aTruncatedSnapshotIsNamedWithWhatIsWrongAndTheWaysOut() throws Exception {
    Path snapshot = truncatedSnapshot();
    StateJournal.CorruptStateException e =
        catchThrowableOfType(
            StateJournal.CorruptStateException.class,
            () -> StateJournal.open(dir, new SyncEngine()));
    assertThat(e.getMessage())
        .contains(snapshot.toAbsolutePath().toString())
        .contains("the JSON ends before its value is complete")
        .contains("move it aside")
        .doesNotContain("Exception", "VALUE_STRING", "tools.jackson", "\n");
  }

  @Test
  void theStandaloneServerRefusesToStartWithOneLineAndExitCode1() throws Exception {
    truncatedSnapshot();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        StandaloneServer.run(
            new String[] {"--port", "0", "--persistence-dir", dir.toString()},
            Map.of(),
            new PrintStream(new ByteArrayOutputStream(), true),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    String printed = err.toString(StandardCharsets.UTF_8).strip();
    System.out.println(printed);
    assertThat(printed).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(printed)
        .startsWith("cognito-sync-mock: ")
        .contains("Cannot recover state")
        .contains("snapshot.json");
  }

  @Test
  void aSnapshotThatIsJsonButNotStateIsReportedTheSameWay() throws Exception {
    Files.writeString(
        dir.resolve("snapshot.json"), "{\"generation\":1,\"state\":{\"identityPools\":5}}");
    StateJournal.CorruptStateException e =
        catchThrowableOfType(
            StateJournal.CorruptStateException.class,
            () -> StateJournal.open(dir, new SyncEngine()));
    assertThat(e.getMessage())
        .contains("snapshot.json")
        .contains("expected a list")
        .doesNotContain("java.util", "ArrayList");
  }
}
