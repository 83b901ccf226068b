package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionAndMergeTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  @Test
  void E1_countStaysMonotonicAcrossDeletionAndRecreation() {
    put(prefs, "a", "1");
    put(prefs, "a", "2");
    put(prefs, "b", "1"); // count 3
    engine.deleteDataset(dev, prefs);
    List<SyncRecord> out = update(prefs, replace("a", "new", 0));
    assertThat(out.get(0).syncCount()).isEqualTo(4);
    assertThat(list(prefs).datasetSyncCount()).isEqualTo(4);
  }

  @Test
  void E1_deletedAfterFlagRaisedForLastSyncCountUpToTheWatermark() {
    put(prefs, "a", "1");
    put(prefs, "b", "1");
    put(prefs, "c", "1"); // count 3, watermark will be 3
    engine.deleteDataset(dev, prefs);
    // deleted, not recreated
    assertThat(list(prefs, 0).datasetDeletedAfterRequestedSyncCount()).isFalse();
    assertThat(list(prefs, 1).datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(list(prefs, 3).datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(list(prefs, 3).datasetExists()).isFalse();
    // recreated: still flagged for a client whose state predates the deletion
    put(prefs, "z", "1"); // count 4
    put(prefs, "y", "1"); // count 5
    RecordsPage stale = list(prefs, 2);
    assertThat(stale.datasetExists()).isTrue();
    assertThat(stale.datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(stale.records()).extracting(SyncRecord::key).containsExactly("z", "y");
    assertThat(list(prefs, 3).datasetDeletedAfterRequestedSyncCount()).isTrue();
    // but not for one that synced after the deletion
    assertThat(list(prefs, 4).datasetDeletedAfterRequestedSyncCount()).isFalse();
    assertThat(list(prefs, 5).datasetDeletedAfterRequestedSyncCount()).isFalse();
    assertThat(list(prefs, 0).datasetDeletedAfterRequestedSyncCount()).isFalse();
  }

  @Test
  void E1_neverDeletedDatasetIsNeverFlagged() {
    put(prefs, "a", "1");
    put(prefs, "a", "2");
    for (long n = 0; n <= 2; n++) {
      assertThat(list(prefs, n).datasetDeletedAfterRequestedSyncCount()).as("n=%d", n).isFalse();
    }
    assertThat(list(ds(ID_B, "never"), 5).datasetDeletedAfterRequestedSyncCount()).isFalse();
  }

  @Test
  void E1_secondDeletionMovesTheWatermark() {
    put(prefs, "a", "1"); // 1
    engine.deleteDataset(dev, prefs); // watermark 1
    put(prefs, "a", "1"); // 2
    put(prefs, "b", "1"); // 3
    assertThat(list(prefs, 2).datasetDeletedAfterRequestedSyncCount()).isFalse();
    engine.deleteDataset(dev, prefs); // watermark 3
    assertThat(list(prefs, 2).datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(list(prefs, 3).datasetDeletedAfterRequestedSyncCount()).isTrue();
    assertThat(list(prefs, 4).datasetDeletedAfterRequestedSyncCount()).isFalse();
  }

  @Test
  void E3_absorbedDatasetsLiveOnAsNameDotAbsorbedId() {
    put(prefs, "mine", "1");
    DatasetKey theirs = ds(ID_B, "prefs");
    put(theirs, "k", "1");
    put(theirs, "k", "2"); // count 2
    put(ds(ID_B, "scores"), "s", "9");
    List<String> names = engine.mergeIdentities(POOL, ID_A, ID_B);
    assertThat(names).containsExactlyInAnyOrder("prefs." + ID_B, "scores." + ID_B);

    RecordsPage survivor = list(prefs);
    assertThat(survivor.mergedDatasetNames()).containsExactly("prefs." + ID_B);
    assertThat(survivor.records()).extracting(SyncRecord::key).containsExactly("mine");
    assertThat(list(ds(ID_A, "scores")).mergedDatasetNames()).containsExactly("scores." + ID_B);

    RecordsPage merged = list(ds(ID_A, "prefs." + ID_B));
    assertThat(merged.datasetExists()).isTrue();
    assertThat(merged.records())
        .extracting(SyncRecord::key, SyncRecord::value)
        .containsExactly(tuple("k", "2"));
    assertThat(merged.mergedDatasetNames()).isEmpty();
  }

  @Test
  void E6_mergedDatasetStartsOverAtCountOneWhateverCountItHad() {
    DatasetKey theirs = ds(ID_B, "prefs");
    put(theirs, "a", "1");
    put(theirs, "b", "1");
    put(theirs, "a", "2");
    put(theirs, "gone", "x");
    put(theirs, "gone", null); // count 5, one tombstone
    assertThat(datasetSyncCount(theirs)).isEqualTo(5);
    put(prefs, "mine", "1"); // count 1 on the survivor's own dataset
    engine.mergeIdentities(POOL, ID_A, ID_B);

    DatasetKey mergedKey = ds(ID_A, "prefs." + ID_B);
    RecordsPage merged = list(mergedKey);
    assertThat(merged.datasetSyncCount()).isEqualTo(1);
    // live records keep key and value and take the dataset's count (C1); the tombstone stays behind
    assertThat(merged.records())
        .extracting(SyncRecord::key, SyncRecord::value, SyncRecord::syncCount)
        .containsExactly(tuple("a", "2", 1L), tuple("b", "1", 1L));
    assertThat(engine.describeDataset(dev, mergedKey).numRecords()).isEqualTo(2);
    // the survivor's own dataset is untouched
    assertThat(datasetSyncCount(prefs)).isEqualTo(1);
    // a client that kept the absorbed dataset's count meets C8
    assertThat(failure(() -> list(mergedKey, 5)).getMessage()).startsWith("No such SyncCount: 5");
    // and the next write takes count 2, with no gap
    assertThat(update(mergedKey, replace("a", "3", 1)))
        .extracting(SyncRecord::syncCount)
        .containsExactly(2L);
  }

  @Test
  void E4_mergedDatasetIsListedReadUpdatedAndDeletedLikeAnyOther() {
    put(prefs, "mine", "1");
    put(ds(ID_B, "prefs"), "k", "1");
    engine.mergeIdentities(POOL, ID_A, ID_B);
    DatasetKey merged = ds(ID_A, "prefs." + ID_B);

    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .extracting(DatasetInfo::datasetName)
        .containsExactly("prefs", "prefs." + ID_B);
    DatasetInfo info = engine.describeDataset(dev, merged);
    assertThat(info.numRecords()).isEqualTo(1);
    assertThat(info.dataStorage()).isEqualTo(2);
    assertThat(info.identityId()).isEqualTo(ID_A);

    List<SyncRecord> out = update(merged, replace("k", "2", 1), replace("n", "x", 0));
    assertThat(out).extracting(SyncRecord::syncCount).containsOnly(2L);

    engine.deleteDataset(dev, merged);
    assertThat(list(prefs).mergedDatasetNames()).isEmpty();
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .extracting(DatasetInfo::datasetName)
        .containsExactly("prefs");
    // recreating a dataset of that name makes an ordinary dataset, not a merge
    put(merged, "k", "again");
    assertThat(list(prefs).mergedDatasetNames()).isEmpty();
  }

  @Test
  void E4_noMergesMeansAnEmptyList() {
    put(prefs, "k", "v");
    assertThat(list(prefs).mergedDatasetNames()).isNotNull().isEmpty();
    assertThat(list(ds(ID_A, "missing")).mergedDatasetNames()).isNotNull().isEmpty();
  }

  @Test
  void E4_mergedNamesAreReportedEvenBeforeTheSurvivorHasTheDataset() {
    put(ds(ID_A, "other"), "k", "v");
    put(ds(ID_B, "prefs"), "k", "v");
    engine.mergeIdentities(POOL, ID_A, ID_B);
    RecordsPage page = list(prefs);
    assertThat(page.datasetExists()).isFalse();
    assertThat(page.mergedDatasetNames()).containsExactly("prefs." + ID_B);
  }

  @Test
  void E5_mergeHookMovesDataAndForgetsTheAbsorbedIdentity() {
    put(ds(ID_B, "prefs"), "k", "v");
    put(ds(ID_B, "gone"), "k", "v");
    engine.deleteDataset(dev, ds(ID_B, "gone"));
    List<String> names = engine.mergeIdentities(POOL, ID_A, ID_B);
    assertThat(names).containsExactly("prefs." + ID_B); // deleted datasets do not move
    assertThat(engine.listDatasets(dev, identity(ID_B), null, null).datasets()).isEmpty();
    assertThat(list(ds(ID_B, "prefs")).datasetExists()).isFalse();
    assertThat(engine.describeIdentityUsage(dev, identity(ID_A)).datasetCount()).isEqualTo(1);
  }

  @Test
  void E5_mergeHookRefusesSelfMergeAndUnknownIdentity() {
    put(prefs, "k", "v");
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException, () -> engine.mergeIdentities(POOL, ID_A, ID_A));
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.mergeIdentities(POOL, ID_A, ID_C));
  }

  @Test
  void E5_refusedMergeIntoAnUnknownSurvivorLeavesNoTrace() {
    put(prefs, "k", "v");
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.mergeIdentities(POOL, ID_C, ID_B));
  }
}
