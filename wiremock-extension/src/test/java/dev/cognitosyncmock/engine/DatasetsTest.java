package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.remove;
import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  @Test
  void B1_readsDoNotCreateADatasetTheFirstSuccessfulUpdateDoes() {
    list(prefs);
    list(prefs, 3);
    engine.listDatasets(dev, identity(ID_A), null, null);
    failure(() -> engine.describeDataset(dev, prefs));
    failure(() -> engine.deleteDataset(dev, prefs));
    update(prefs); // an empty UpdateRecords writes nothing and creates nothing
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets()).isEmpty();
    assertThat(list(prefs).datasetExists()).isFalse();

    clock.advance(Duration.ofMinutes(5));
    update(prefs, replace("k", "v", 0));
    assertThat(list(prefs).datasetExists()).isTrue();
    DatasetInfo info = engine.describeDataset(dev, prefs);
    assertThat(info.creationDate()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .extracting(DatasetInfo::datasetName)
        .containsExactly("prefs");
  }

  @Test
  void B1_refusedFirstUpdateCreatesNoDataset() {
    update(ds(ID_A, "other"), replace("x", "1", 0)); // the identity exists already
    failure(() -> update(prefs, replace("k", "v", 5)));
    assertThat(list(prefs).datasetExists()).isFalse();
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .extracting(DatasetInfo::datasetName)
        .containsExactly("other");
  }

  @Test
  void B2_describeAndDeleteOfMissingDatasetAre404() {
    engine.createIdentityPool(POOL); // pools register on first use; that is not under test here
    ServiceException d =
        assertRefusedWithoutStateChange(
            ErrorShape.ResourceNotFoundException, () -> engine.describeDataset(dev, prefs));
    assertThat(d.getMessage()).contains("prefs");
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.deleteDataset(dev, prefs));
    // another dataset of an existing identity
    update(ds(ID_A, "other"), replace("x", "1", 0));
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.describeDataset(dev, prefs));
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.deleteDataset(dev, prefs));
  }

  @Test
  void B2_describeAndDeleteOfDeletedDatasetAre404() {
    update(prefs, replace("k", "v", 0));
    engine.deleteDataset(dev, prefs);
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.describeDataset(dev, prefs));
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceNotFoundException, () -> engine.deleteDataset(dev, prefs));
  }

  @Test
  void B3_listRecordsOnMissingDatasetAnswersEmptyNotFalseWithAToken() {
    RecordsPage page = list(prefs);
    assertThat(page.datasetExists()).isFalse();
    assertThat(page.datasetSyncCount()).isZero();
    assertThat(page.records()).isNotNull().isEmpty();
    assertThat(page.nextToken()).isNull();
    assertThat(page.syncSessionToken()).startsWith("H4sI");
    assertThat(page.datasetDeletedAfterRequestedSyncCount()).isFalse();
    // and that token is good for the first write
    List<SyncRecord> out =
        engine.updateRecords(
            dev, prefs, DEVICE, List.of(replace("k", "v", 0)), page.syncSessionToken());
    assertThat(out).hasSize(1);
  }

  @Test
  void B4_metadataCarriesEveryField() {
    clock.advance(Duration.ofSeconds(10));
    update(Caller.identity(ID_A), prefs, replace("k", "v", 0));
    clock.advance(Duration.ofSeconds(20));
    update(Caller.identity(ID_A), prefs, replace("k2", "v2", 0));
    DatasetInfo info = engine.describeDataset(dev, prefs);
    assertThat(info.identityId()).isEqualTo(ID_A);
    assertThat(info.datasetName()).isEqualTo("prefs");
    assertThat(info.creationDate()).isEqualTo(T0.plusSeconds(10));
    assertThat(info.lastModifiedDate()).isEqualTo(T0.plusSeconds(30));
    assertThat(info.lastModifiedBy()).isEqualTo(ID_A);
    assertThat(info.numRecords()).isEqualTo(2);
    assertThat(info.dataStorage()).isEqualTo(6);
  }

  @Test
  void B4_dataStorageIsUtf8BytesOfKeyPlusValueTombstonesExcluded() {
    // "ключ" = 4 two-byte chars = 8 bytes; "é" = 2 bytes; U+1F600 = 4 bytes (2 UTF-16 chars)
    update(
        prefs,
        replace("ключ", "é\uD83D\uDE00", 0),
        replace("ascii", "0123456789A", 0),
        replace("gone", "xxxxxxxxxx", 0));
    assertThat(engine.describeDataset(dev, prefs).dataStorage()).isEqualTo(14 + 16 + 14);
    assertThat(engine.describeDataset(dev, prefs).numRecords()).isEqualTo(3);
    update(prefs, remove("gone", 1));
    DatasetInfo info = engine.describeDataset(dev, prefs);
    assertThat(info.dataStorage()).isEqualTo(14 + 16);
    assertThat(info.numRecords()).isEqualTo(2);
    // replacing a value re-counts it
    update(prefs, replace("ascii", "€", 1));
    assertThat(engine.describeDataset(dev, prefs).dataStorage()).isEqualTo(14 + 5 + 3);
    // ListDatasets reports the same figures as DescribeDataset
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .containsExactly(engine.describeDataset(dev, prefs));
    // and identity usage sums them
    assertThat(engine.describeIdentityUsage(dev, identity(ID_A)).dataStorage()).isEqualTo(22);
  }

  @Test
  void B5_deleteAnswersTheMetadataAsItStoodBeforeDeletion() {
    update(Caller.identity(ID_A), prefs, replace("k", "vv", 0), replace("j", "w", 0));
    DatasetInfo before = engine.describeDataset(dev, prefs);
    clock.advance(Duration.ofHours(1));
    DatasetInfo answered = engine.deleteDataset(dev, prefs);
    assertThat(answered).isEqualTo(before);
    assertThat(answered.numRecords()).isEqualTo(2);
    assertThat(answered.dataStorage()).isEqualTo(5);
    assertThat(answered.lastModifiedBy()).isEqualTo(ID_A);
  }

  @Test
  void B5_afterDeletionListDescribeAndListRecordsTreatItAsGone() {
    update(prefs, replace("k", "v", 0));
    update(ds(ID_A, "keep"), replace("k", "v", 0));
    engine.deleteDataset(dev, prefs);
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets())
        .extracting(DatasetInfo::datasetName)
        .containsExactly("keep");
    assertThat(failure(() -> engine.describeDataset(dev, prefs)).shape())
        .isEqualTo(ErrorShape.ResourceNotFoundException);
    RecordsPage page = list(prefs);
    assertThat(page.datasetExists()).isFalse();
    assertThat(page.records()).isEmpty();
    assertThat(page.datasetSyncCount()).isZero();
    assertThat(engine.describeIdentityUsage(dev, identity(ID_A)).datasetCount()).isEqualTo(1);
  }

  @Test
  void B5_deletionIsPermanentARecreatedDatasetHasNoneOfTheOldRecords() {
    update(prefs, replace("old", "v", 0));
    engine.deleteDataset(dev, prefs);
    clock.advance(Duration.ofDays(1));
    update(prefs, replace("new", "v", 0));
    assertThat(list(prefs).records()).extracting(SyncRecord::key).containsExactly("new");
    DatasetInfo info = engine.describeDataset(dev, prefs);
    assertThat(info.numRecords()).isEqualTo(1);
    assertThat(info.creationDate()).isEqualTo(T0.plus(Duration.ofDays(1)));
  }

  @Test
  void B2_identitiesArePrivateOneIdentitysDatasetIsMissingForAnother() {
    update(prefs, replace("k", "v", 0));
    assertThat(failure(() -> engine.describeDataset(dev, ds(ID_B, "prefs"))).shape())
        .isEqualTo(ErrorShape.ResourceNotFoundException);
    assertThat(list(ds(ID_B, "prefs")).datasetExists()).isFalse();
    assertThat(list(new DatasetKey(OTHER_POOL, ID_A, "prefs")).datasetExists()).isFalse();
  }

  @Test
  void B2_strictPoolsAnswer404ForAnUnknownPool() {
    engine =
        new SyncEngine(
            EngineSettings.DEFAULT.with(s -> s.strictPools = true), clock, IdSource.sequential());
    assertRefusedWithoutStateChange(ErrorShape.ResourceNotFoundException, () -> list(prefs));
    engine.createIdentityPool(POOL);
    assertThat(list(prefs).datasetExists()).isFalse();
  }
}
