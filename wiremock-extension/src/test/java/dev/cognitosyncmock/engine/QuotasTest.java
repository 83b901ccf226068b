package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.remove;
import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest extends EngineTestSupport {
  private static final int MB = 1024 * 1024;
  private final DatasetKey prefs = ds(ID_A, "prefs");

  private void createDatasets(String identityId, int n) {
    for (int i = 0; i < n; i++) {
      put(ds(identityId, String.format("ds%02d", i)), "k", "v");
    }
  }

  private void fillRecords(DatasetKey key, int n) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      values.put(String.format("r%04d", i), "v");
    }
    engine.putRecords(dev, key, values);
  }

  @Test
  void B7_twentyFirstDatasetIsRefusedAndNothingWritten() {
    createDatasets(ID_A, 20);
    DatasetKey extra = ds(ID_A, "ds20");
    String token = token(extra);
    assertRefusedWithoutStateChange(
        ErrorShape.LimitExceededException,
        () -> engine.updateRecords(dev, extra, DEVICE, List.of(replace("k", "v", 0)), token));
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets()).hasSize(20);
    // existing datasets still take writes; another identity has its own 20
    update(ds(ID_A, "ds00"), replace("k", "v2", 1));
    update(ds(ID_B, "ds20"), replace("k", "v", 0));
  }

  @Test
  void B7_deletedDatasetsDoNotCountTowardTwenty() {
    createDatasets(ID_A, 20);
    engine.deleteDataset(dev, ds(ID_A, "ds03"));
    update(ds(ID_A, "fresh"), replace("k", "v", 0));
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets()).hasSize(20);
  }

  @Test
  void B7_mergedDatasetsCountTowardTwenty() {
    createDatasets(ID_A, 15);
    createDatasets(ID_B, 5);
    engine.mergeIdentities(POOL, ID_A, ID_B);
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets()).hasSize(20);
    DatasetKey extra = ds(ID_A, "one-too-many");
    String token = token(extra);
    assertRefusedWithoutStateChange(
        ErrorShape.LimitExceededException,
        () -> engine.updateRecords(dev, extra, DEVICE, List.of(replace("k", "v", 0)), token));
    engine.deleteDataset(dev, ds(ID_A, "ds00." + ID_B));
    update(extra, replace("k", "v", 0));
  }

  @Test
  void B7_recordNumber1025IsRefusedAndNothingWritten() {
    fillRecords(prefs, 1024);
    assertThat(engine.describeDataset(dev, prefs).numRecords()).isEqualTo(1024);
    String token = token(prefs);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.LimitExceededException,
            () ->
                engine.updateRecords(
                    dev,
                    prefs,
                    DEVICE,
                    List.of(replace("r0000", "changed", 1), replace("r1024", "v", 0)),
                    token));
    assertThat(e.getMessage()).contains("1024");
    // at the limit: replacing is fine, and so is adding one while removing another
    update(prefs, replace("r0000", "changed", 1));
    update(prefs, remove("r0001", 1), replace("r1024", "v", 0));
    assertThat(engine.describeDataset(dev, prefs).numRecords()).isEqualTo(1024);
  }

  @Test
  void B7_oneCallWith1025NewRecordsIsRefused() {
    update(prefs, replace("seed", "v", 0));
    List<RecordPatch> patches = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      patches.add(replace("n" + i, "v", 0));
    }
    String token = token(prefs);
    assertRefusedWithoutStateChange(
        ErrorShape.LimitExceededException,
        () -> engine.updateRecords(dev, prefs, DEVICE, patches, token));
  }

  @Test
  void B7_tombstonesDoNotCountTowardTheRecordLimit() {
    fillRecords(prefs, 1024);
    update(prefs, remove("r0000", 1));
    update(prefs, replace("new", "v", 0));
    assertThat(engine.describeDataset(dev, prefs).numRecords()).isEqualTo(1024);
  }

  @Test
  void B7_datasetOverOneMegabyteIsRefusedAndNothingWritten() {
    // key "big" (3 bytes) + value: exactly 1 MB is allowed
    update(prefs, replace("big", "x".repeat(MB - 3), 0));
    assertThat(engine.describeDataset(dev, prefs).dataStorage()).isEqualTo(MB);
    String token = token(prefs);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.LimitExceededException,
            () -> engine.updateRecords(dev, prefs, DEVICE, List.of(replace("a", "", 0)), token));
    assertThat(e.getMessage()).contains(Integer.toString(MB + 1));
    // shrinking and adding in the same call fits
    update(prefs, replace("big", "x".repeat(MB - 10), 1), replace("a", "b", 0));
    assertThat(engine.describeDataset(dev, prefs).dataStorage()).isEqualTo(MB - 5);
  }

  @Test
  void B7_sizeLimitCountsUtf8BytesNotChars() {
    DatasetKey key = ds(ID_A, "utf8");
    put(ds(ID_A, "other"), "k", "v"); // the identity exists already
    // 'é' is 2 bytes: (MB/2) chars are exactly MB bytes, plus the 1-byte key is one too many
    String token = token(key);
    assertRefusedWithoutStateChange(
        ErrorShape.LimitExceededException,
        () ->
            engine.updateRecords(
                dev, key, DEVICE, List.of(replace("k", "é".repeat(MB / 2), 0)), token));
    update(key, replace("k", "é".repeat(MB / 2 - 1), 0));
  }

  @Test
  void B7_refusedFirstWriteOfANewIdentityLeavesNoTrace() {
    DatasetKey key = ds(ID_C, "prefs");
    String token = token(key);
    List<RecordPatch> tooMany = new ArrayList<>();
    for (int i = 0; i < 1025; i++) {
      tooMany.add(replace("n" + i, "v", 0));
    }
    assertRefusedWithoutStateChange(
        ErrorShape.LimitExceededException,
        () -> engine.updateRecords(dev, key, DEVICE, tooMany, token));
    assertRefusedWithoutStateChange(
        ErrorShape.ResourceConflictException,
        () -> engine.updateRecords(dev, key, DEVICE, List.of(replace("k", "v", 3)), token));
  }

  @Test
  void B7_quotasAreConfigurable() {
    engine =
        new SyncEngine(
            EngineSettings.DEFAULT.with(s -> s.quotas = new Quotas(2, 3, 10)),
            clock,
            IdSource.sequential());
    createDatasets(ID_A, 2);
    assertThat(failure(() -> update(ds(ID_A, "third"), replace("k", "v", 0))).shape())
        .isEqualTo(ErrorShape.LimitExceededException);
    assertThat(
            failure(
                    () ->
                        update(
                            ds(ID_A, "ds00"),
                            replace("a", "1", 0),
                            replace("b", "1", 0),
                            replace("c", "1", 0)))
                .shape())
        .isEqualTo(ErrorShape.LimitExceededException);
    assertThat(failure(() -> update(ds(ID_A, "ds01"), replace("key", "12345678", 0))).shape())
        .isEqualTo(ErrorShape.LimitExceededException);
  }
}
