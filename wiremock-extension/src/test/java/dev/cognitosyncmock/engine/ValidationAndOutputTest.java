package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine side of A5 (refuse before any change) and A6 (members always present). */
class ValidationAndOutputTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");
  private String token;

  @BeforeEach
  void seed() {
    update(prefs, replace("k", "v", 0));
    token = token(prefs);
  }

  @Test
  void A5_negativeLastSyncCountIsRefusedBeforeAnySessionIsIssued() {
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.InvalidParameterException,
            () -> engine.listRecords(dev, prefs, -1L, null, null));
    assertThat(e.getMessage()).contains("-1");
  }

  @Test
  void A5_maxResultsBelowOneIsRefused() {
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException, () -> engine.listRecords(dev, prefs, 0L, null, 0));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException, () -> engine.listRecords(dev, prefs, 0L, null, -5));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listDatasets(dev, identity(ID_A), null, 0));
    assertThat(engine.listRecords(dev, prefs, 0L, null, 1).records()).hasSize(1);
  }

  @Test
  void A5_replaceWithoutValueIsRefused() {
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () ->
            engine.updateRecords(
                dev,
                prefs,
                DEVICE,
                List.of(
                    replace("new", "x", 0), new RecordPatch(PatchOp.REPLACE, "k", null, 1, null)),
                token));
  }

  @Test
  void A5_duplicateKeysInOneRequestAreRefused() {
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.InvalidParameterException,
            () ->
                engine.updateRecords(
                    dev,
                    prefs,
                    DEVICE,
                    List.of(replace("k", "a", 1), RecordPatch.remove("k", 1)),
                    token));
    assertThat(e.getMessage()).contains("duplicate").contains("k");
  }

  @Test
  void A5_negativePatchSyncCountIsRefused() {
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.updateRecords(dev, prefs, DEVICE, List.of(replace("x", "a", -1)), token));
  }

  @Test
  void A5_unknownOpIsRefused() {
    assertThat(PatchOp.fromWire("replace")).isEqualTo(PatchOp.REPLACE);
    assertThat(PatchOp.fromWire("remove")).isEqualTo(PatchOp.REMOVE);
    assertThat(failure(() -> PatchOp.fromWire("Replace")).shape())
        .isEqualTo(ErrorShape.InvalidParameterException);
  }

  @Test
  void A5_invalidInputWinsOverABadTokenAndStillChangesNothing() {
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () ->
            engine.updateRecords(
                dev,
                ds(ID_B, "new"),
                DEVICE,
                List.of(new RecordPatch(PatchOp.REPLACE, "k", null, 0, null)),
                "bogus"));
    assertThat(list(ds(ID_B, "new")).datasetExists()).isFalse();
  }

  @Test
  void A6_listRecordsMembersArePresentForMissingEmptyAndDeletedDatasets() {
    for (RecordsPage page : List.of(list(ds(ID_B, "missing")), list(prefs, 1))) {
      assertThat(page.records()).isNotNull();
      assertThat(page.mergedDatasetNames()).isNotNull();
      assertThat(page.syncSessionToken()).isNotNull();
    }
    engine.deleteDataset(dev, prefs);
    RecordsPage deleted = list(prefs, 1);
    assertThat(deleted.records()).isNotNull().isEmpty();
    assertThat(deleted.mergedDatasetNames()).isNotNull().isEmpty();
  }

  @Test
  void A6_listDatasetsAndUpdateRecordsAlwaysAnswerALists() {
    assertThat(engine.listDatasets(dev, identity(ID_C), null, null).datasets())
        .isNotNull()
        .isEmpty();
    assertThat(engine.updateRecords(dev, prefs, DEVICE, List.of(), token)).isNotNull().isEmpty();
  }
}
