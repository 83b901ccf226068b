package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.remove;
import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitosyncmock.engine.EngineSnapshot.DatasetSnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.IdentitySnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.PoolSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateSnapshotTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  private SyncEngine fresh() {
    return new SyncEngine(EngineSettings.DEFAULT, clock, IdSource.sequential());
  }

  @Test
  void E1_C3_E3_exportImportKeepsCountsTombstonesWatermarkAndMerges() {
    update(prefs, replace("a", "1", 0), replace("b", "é", 0));
    update(prefs, remove("a", 1));
    DatasetKey gone = ds(ID_A, "gone");
    put(gone, "x", "1");
    put(gone, "x", "2");
    engine.deleteDataset(dev, gone);
    put(ds(ID_B, "prefs"), "k", "v");
    engine.mergeIdentities(POOL, ID_A, ID_B);

    EngineSnapshot snapshot = engine.exportState();
    SyncEngine copy = fresh();
    copy.importState(snapshot);
    assertThat(copy.exportState()).isEqualTo(snapshot);

    RecordsPage page = copy.listRecords(dev, prefs, null, null, null);
    assertThat(page)
        .usingRecursiveComparison()
        .ignoringFields("syncSessionToken")
        .isEqualTo(list(prefs));
    assertThat(page.records())
        .extracting(SyncRecord::key, SyncRecord::value)
        .containsExactly(tuple("b", "é"), tuple("a", null));
    assertThat(page.mergedDatasetNames()).containsExactly("prefs." + ID_B);
    RecordsPage deleted = copy.listRecords(dev, gone, 1L, null, null);
    assertThat(deleted.datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(deleted.datasetExists()).isFalse();
    // counts carry on where they were, for live and deleted datasets alike
    String token = copy.listRecords(dev, gone, null, null, null).syncSessionToken();
    assertThat(
            copy.updateRecords(dev, gone, DEVICE, List.of(replace("x", "3", 0)), token)
                .get(0)
                .syncCount())
        .isEqualTo(3);
    assertThat(copy.describeDataset(dev, prefs)).isEqualTo(engine.describeDataset(dev, prefs));
  }

  @Test
  void C1_importFillsInMissingCountsAndDates() {
    SyncRecord bare = new SyncRecord("k", "v", 0, null, null, null);
    engine.importState(
        new EngineSnapshot(
            List.of(
                new PoolSnapshot(
                    POOL,
                    null,
                    null,
                    List.of(
                        new IdentitySnapshot(
                            ID_A,
                            List.of(
                                new DatasetSnapshot(
                                    "prefs",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(bare)))))))));
    RecordsPage page = list(prefs);
    assertThat(page.datasetExists()).isTrue();
    assertThat(page.datasetSyncCount()).isEqualTo(1);
    assertThat(page.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.syncCount()).isEqualTo(1);
              assertThat(r.lastModifiedDate()).isEqualTo(T0);
              assertThat(r.lastModifiedBy()).isEqualTo(Caller.DEFAULT_ACCOUNT_ID);
            });
    assertThat(update(prefs, replace("k", "v2", 1)).get(0).syncCount()).isEqualTo(2);
    assertThat(engine.describeDataset(dev, prefs).dataStorage()).isEqualTo(3);
  }

  @Test
  void B5_importRefusesADeletedDatasetWithRecordsAndKeepsTheOldState() {
    put(prefs, "k", "v");
    EngineSnapshot bad =
        new EngineSnapshot(
            List.of(
                new PoolSnapshot(
                    POOL,
                    null,
                    null,
                    List.of(
                        new IdentitySnapshot(
                            ID_A,
                            List.of(
                                new DatasetSnapshot(
                                    "prefs",
                                    null,
                                    null,
                                    null,
                                    3L,
                                    3L,
                                    false,
                                    null,
                                    List.of(new SyncRecord("k", "v", 1, null, null, null)))))))));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException, () -> engine.importState(bad));
  }

  @Test
  void B1_resetForgetsEverything() {
    put(prefs, "k", "v");
    engine.reset();
    assertThat(engine.exportState().identityPools()).isEmpty();
    assertThat(list(prefs).datasetExists()).isFalse();
  }
}
