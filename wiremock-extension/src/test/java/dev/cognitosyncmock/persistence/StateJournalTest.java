package dev.cognitosyncmock.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.RecordPatch;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable state: what was acknowledged is there after a restart, whatever point it died at. */
class StateJournalTest {
  static final DatasetKey KEY =
      new DatasetKey(
          "us-east-1:11111111-2222-3333-4444-555555555555",
          "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          "settings");

  @TempDir Path dir;

  @Test
  void everyJournaledWriteAndDeletionSurvivesARestartWithoutClose() {
    SyncEngine first = new SyncEngine();
    StateJournal.open(dir, first); // never closed: as if the process died
    first.putRecords(Caller.developer(), KEY, Map.of("a", "1"));
    String token = first.listRecords(Caller.developer(), KEY, 0L, null, null).syncSessionToken();
    first.updateRecords(
        Caller.identity(KEY.identityId()),
        KEY,
        null,
        List.of(RecordPatch.remove("a", 1), RecordPatch.replace("b", "2", 0)),
        token);
    first.putRecords(Caller.developer(), KEY.identity().dataset("gone"), Map.of("x", "y"));
    first.deleteDataset(Caller.developer(), KEY.identity().dataset("gone"));

    SyncEngine second = new SyncEngine();
    StateJournal.open(dir, second);
    assertThat(json(second.exportState())).isEqualTo(json(first.exportState()));
    // the deletion watermark came back too (E1)
    assertThat(
            second
                .listRecords(Caller.developer(), KEY.identity().dataset("gone"), 1L, null, null)
                .datasetDeletedAfterRequestedSyncCount())
        .isTrue();
  }

  @Test
  void compactionWritesASnapshotAndDropsOldJournals() throws IOException {
    SyncEngine engine = new SyncEngine();
    StateJournal journal = StateJournal.open(dir, engine, 3);
    for (int i = 0; i < 5; i++) {
      engine.putRecords(Caller.developer(), KEY, Map.of("k" + i, "v"));
    }
    assertThat(journal.wantsCompaction()).isTrue();
    journal.compact();
    engine.putRecords(Caller.developer(), KEY, Map.of("after", "snapshot"));
    assertThat(Files.exists(dir.resolve("snapshot.json"))).isTrue();
    assertThat(Files.exists(dir.resolve("journal-0.log"))).isFalse();
    assertThat(Files.readAllLines(dir.resolve("journal-1.log"))).hasSize(1);

    SyncEngine restarted = new SyncEngine();
    StateJournal.open(dir, restarted);
    assertThat(json(restarted.exportState())).isEqualTo(json(engine.exportState()));
  }

  @Test
  void aCrashBetweenRotationAndSnapshotLosesNothing() throws IOException {
    SyncEngine engine = new SyncEngine();
    StateJournal.open(dir, engine);
    engine.putRecords(Caller.developer(), KEY, Map.of("a", "1"));
    // the rotation happened (journal-1 exists) but the snapshot was never written
    Files.createFile(dir.resolve("journal-1.log"));
    SyncEngine restarted = new SyncEngine();
    StateJournal.open(dir, restarted);
    assertThat(json(restarted.exportState())).isEqualTo(json(engine.exportState()));
  }

  @Test
  void aTornLastLineIsIgnored() throws IOException {
    SyncEngine engine = new SyncEngine();
    StateJournal.open(dir, engine);
    engine.putRecords(Caller.developer(), KEY, Map.of("a", "1"));
    String acknowledged = json(engine.exportState());
    Files.writeString(
        dir.resolve("journal-0.log"),
        "{\"kind\":\"RECORDS_WRITTEN\",\"identityPo",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    SyncEngine restarted = new SyncEngine();
    StateJournal.open(dir, restarted);
    assertThat(json(restarted.exportState())).isEqualTo(acknowledged);
  }

  @Test
  void poolLevelChangesAndAdminImportsAreMadeDurableByTheService() {
    CognitoSyncService first = CognitoSyncService.builder().persistenceDirectory(dir).build();
    first.engine().createIdentityPool("us-east-1:22222222-2222-3333-4444-555555555555");
    first
        .admin()
        .handle(
            "POST",
            "/cognito-sync/state",
            ("{\"identityPools\":[{\"identityPoolId\":"
                    + "\"us-east-1:33333333-2222-3333-4444-555555555555\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    // no close(): the admin call itself must have been made durable
    CognitoSyncService second = CognitoSyncService.builder().persistenceDirectory(dir).build();
    assertThat(second.engine().hasIdentityPool("us-east-1:33333333-2222-3333-4444-555555555555"))
        .isTrue();
    assertThat(second.engine().hasIdentityPool("us-east-1:22222222-2222-3333-4444-555555555555"))
        .isFalse();
  }

  @Test
  void aSeedAppliesOnlyToAnEmptyDirectory() {
    EngineSnapshot seed =
        new EngineSnapshot(
            List.of(new EngineSnapshot.PoolSnapshot(KEY.identityPoolId(), null, null, List.of())));
    CognitoSyncService first =
        CognitoSyncService.builder().seed(seed).persistenceDirectory(dir).build();
    first.engine().putRecords(Caller.developer(), KEY, Map.of("a", "1"));
    CognitoSyncService second =
        CognitoSyncService.builder().seed(seed).persistenceDirectory(dir).build();
    assertThat(second.engine().listRecords(Caller.developer(), KEY, 0L, null, null).records())
        .hasSize(1);
  }

  /**
   * The state writes make. Left out: the pool's registration time and its count of sync sessions
   * issued, which reads change and the journal does not carry (a clean shutdown's snapshot keeps
   * them).
   */
  private static String json(EngineSnapshot s) {
    tools.jackson.databind.JsonNode tree = Json.MAPPER.valueToTree(s);
    tree.get("identityPools")
        .forEach(
            pool -> {
              ((tools.jackson.databind.node.ObjectNode) pool).remove("creationDate");
              ((tools.jackson.databind.node.ObjectNode) pool).remove("syncSessionsCount");
            });
    return tree.toString();
  }
}
