package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.remove;
import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsAndSyncCountsTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  @Test
  void C1_datasetCountStartsAtZeroAndRisesByExactlyOnePerWritingCall() {
    assertThat(datasetSyncCount(prefs)).isZero();
    List<Long> seen = new ArrayList<>();
    long keyCount = 0;
    for (int i = 0; i < 5; i++) {
      List<SyncRecord> out = update(prefs, replace("k", "v" + i, keyCount));
      keyCount = out.get(0).syncCount();
      seen.add(datasetSyncCount(prefs));
    }
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void C1_everyRecordOfOneCallTakesTheNewDatasetCount() {
    update(prefs, replace("a", "1", 0));
    List<SyncRecord> out =
        update(
            prefs,
            replace("a", "2", 1),
            replace("b", "x", 0),
            replace("c", "y", 0),
            remove("d", 0));
    assertThat(out).extracting(SyncRecord::syncCount).containsOnly(2L);
    assertThat(datasetSyncCount(prefs)).isEqualTo(2);
  }

  @Test
  void C1_brandNewKeyWithPatchCountZeroTakesTheDatasetCountPlusOne() {
    for (int i = 1; i <= 8; i++) {
      update(prefs, replace("k" + i, "v", 0));
    }
    List<SyncRecord> out = update(prefs, replace("fresh", "v", 0));
    assertThat(out).singleElement().extracting(SyncRecord::syncCount).isEqualTo(9L);
    // the +1 test Android and iOS apply: highest returned == listed DatasetSyncCount + 1
    RecordsPage listed = list(prefs);
    List<SyncRecord> next =
        engine.updateRecords(
            dev, prefs, DEVICE, List.of(replace("another", "v", 0)), listed.syncSessionToken());
    assertThat(next.get(0).syncCount()).isEqualTo(listed.datasetSyncCount() + 1);
  }

  @Test
  void C1_countsNeverSkipNumbersAcrossRefusedCalls() {
    update(prefs, replace("k", "v", 0));
    failure(() -> update(prefs, replace("k", "v2", 0))); // conflict
    failure(() -> update(prefs, new RecordPatch(PatchOp.REPLACE, "z", null, 0, null))); // invalid
    update(prefs); // empty: no write
    List<SyncRecord> out = update(prefs, replace("k", "v2", 1));
    assertThat(out.get(0).syncCount()).isEqualTo(2);
    assertThat(datasetSyncCount(prefs)).isEqualTo(2);
  }

  @Test
  void C2_conflictMessageNamesKeyServerAndPatchCounts() {
    update(prefs, replace("user", "alice", 0));
    ServiceException e = failure(() -> update(prefs, replace("user", "bob", 0)));
    assertThat(e.shape()).isEqualTo(ErrorShape.ResourceConflictException);
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: user is: 1 not: 0");
  }

  @Test
  void C2_keyThatNeverExistedHasCountZero() {
    update(prefs, replace("a", "1", 0));
    ServiceException e = failure(() -> update(prefs, replace("never", "x", 1)));
    assertThat(e.shape()).isEqualTo(ErrorShape.ResourceConflictException);
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: never is: 0 not: 1");
  }

  @Test
  void C2_patchCountAheadOfServerIsAlsoAConflict() {
    update(prefs, replace("k", "v", 0));
    ServiceException e = failure(() -> update(prefs, replace("k", "v2", 7)));
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: k is: 1 not: 7");
  }

  @Test
  void C2_conflictEvenWhenSubmittedValueEqualsStoredValue() {
    update(prefs, replace("k", "same", 0));
    update(prefs, replace("other", "x", 0));
    String token = token(prefs);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.ResourceConflictException,
            () ->
                engine.updateRecords(dev, prefs, DEVICE, List.of(replace("k", "same", 0)), token));
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: k is: 1 not: 0");
  }

  @Test
  void C2_oneStalePatchRefusesTheWholeCall() {
    update(prefs, replace("a", "1", 0), replace("b", "1", 0));
    update(prefs, replace("b", "2", 1));
    String token = token(prefs);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.ResourceConflictException,
            () ->
                engine.updateRecords(
                    dev,
                    prefs,
                    DEVICE,
                    List.of(replace("a", "new", 1), replace("c", "new", 0), replace("b", "3", 1)),
                    token));
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: b is: 2 not: 1");
    RecordsPage page = list(prefs);
    assertThat(page.datasetSyncCount()).isEqualTo(2);
    assertThat(page.records())
        .extracting(SyncRecord::key, SyncRecord::value)
        .containsExactlyInAnyOrder(tuple("a", "1"), tuple("b", "2"));
  }

  @Test
  void C2_keysOfARecreatedDatasetStartAgainFromZero() {
    update(prefs, replace("k", "v", 0));
    engine.deleteDataset(dev, prefs);
    List<SyncRecord> out = update(prefs, replace("k", "again", 0));
    assertThat(out.get(0).value()).isEqualTo("again");
  }

  @Test
  void C3_removeLeavesTombstoneWithoutValueReturnedByUpdateAndLaterDeltas() {
    update(prefs, replace("k", "v", 0), replace("keep", "x", 0));
    List<SyncRecord> out = update(prefs, remove("k", 1));
    assertThat(out)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("k");
              assertThat(r.value()).isNull();
              assertThat(r.isTombstone()).isTrue();
              assertThat(r.syncCount()).isEqualTo(2);
            });
    RecordsPage delta = list(prefs, 1);
    assertThat(delta.records())
        .extracting(SyncRecord::key, SyncRecord::value, SyncRecord::syncCount)
        .containsExactly(tuple("k", null, 2L));
    RecordsPage all = list(prefs);
    assertThat(all.records())
        .extracting(SyncRecord::key, SyncRecord::value)
        .containsExactly(tuple("keep", "x"), tuple("k", null));
  }

  @Test
  void C3_tombstoneIsKeptAndItsCountGuardsTheKey() {
    update(prefs, replace("k", "v", 0));
    update(prefs, remove("k", 1));
    clock.advance(Duration.ofDays(30));
    update(prefs, replace("other", "x", 0));
    assertThat(list(prefs).records()).extracting(SyncRecord::key).contains("k");
    ServiceException e = failure(() -> update(prefs, replace("k", "back", 0)));
    assertThat(e.getMessage()).isEqualTo("Current SyncCount for: k is: 2 not: 0");
    assertThat(update(prefs, replace("k", "back", 2)).get(0).syncCount()).isEqualTo(4);
  }

  @Test
  void C3_replaceStoresTheValueIncludingTheEmptyString() {
    List<SyncRecord> out = update(prefs, replace("k", "", 0));
    assertThat(out.get(0).value()).isEqualTo("");
    assertThat(out.get(0).isTombstone()).isFalse();
    assertThat(engine.describeDataset(dev, prefs).numRecords()).isEqualTo(1);
  }

  @Test
  void C3_replaceWithoutValueIsRefused() {
    update(prefs, replace("a", "1", 0));
    String token = token(prefs);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.InvalidParameterException,
            () ->
                engine.updateRecords(
                    dev,
                    prefs,
                    DEVICE,
                    List.of(new RecordPatch(PatchOp.REPLACE, "k", null, 0, null)),
                    token));
    assertThat(e.getMessage()).contains("Value");
  }

  @Test
  void C4_outputCarriesEveryFieldAndEchoesDeviceLastModifiedDate() {
    Instant device = Instant.parse("2024-02-29T08:15:30.123Z");
    clock.advance(Duration.ofSeconds(42));
    String token = token(prefs);
    List<SyncRecord> out =
        engine.updateRecords(
            dev,
            prefs,
            DEVICE,
            List.of(
                new RecordPatch(PatchOp.REPLACE, "color", "blue", 0, device),
                new RecordPatch(PatchOp.REMOVE, "gone", null, 0, device)),
            token);
    assertThat(out).hasSize(2);
    SyncRecord color = out.stream().filter(r -> r.key().equals("color")).findFirst().orElseThrow();
    assertThat(color.value()).isEqualTo("blue");
    assertThat(color.syncCount()).isEqualTo(1);
    assertThat(color.lastModifiedDate()).isEqualTo(T0.plusSeconds(42));
    assertThat(color.lastModifiedBy()).isEqualTo(Caller.DEFAULT_ACCOUNT_ID);
    assertThat(color.deviceLastModifiedDate()).isEqualTo(device);
    SyncRecord gone = out.stream().filter(r -> r.key().equals("gone")).findFirst().orElseThrow();
    assertThat(gone.value()).isNull();
    assertThat(gone.syncCount()).isEqualTo(1);
    assertThat(gone.deviceLastModifiedDate()).isEqualTo(device);
    // the stored record says the same as the answer
    assertThat(list(prefs).records()).containsExactlyInAnyOrderElementsOf(out);
  }

  @Test
  void C4_missingDeviceLastModifiedDateStillGivesADate() {
    List<SyncRecord> out = update(prefs, replace("k", "v", 0));
    assertThat(out.get(0).deviceLastModifiedDate()).isNotNull();
  }

  @Test
  void C4_emptyPatchListAnswersNoRecordsAndLeavesTheCountAlone() {
    update(prefs, replace("k", "v", 0));
    String token = token(prefs);
    EngineSnapshot before = engine.exportState();
    List<SyncRecord> out = engine.updateRecords(dev, prefs, DEVICE, List.of(), token);
    assertThat(out).isNotNull().isEmpty();
    assertThat(engine.exportState()).isEqualTo(before);
    assertThat(datasetSyncCount(prefs)).isEqualTo(1);
  }

  @Test
  void A3_A4_fractionalTimestampsArePreservedToTheMillisecond() {
    Instant device = Instant.ofEpochMilli(1700574873059L); // JS v2 sends 1700574873.059
    clock.set(Instant.ofEpochMilli(1709294400250L));
    String token = token(prefs);
    SyncRecord r =
        engine
            .updateRecords(
                dev,
                prefs,
                DEVICE,
                List.of(new RecordPatch(PatchOp.REPLACE, "k", "v", 0, device)),
                token)
            .get(0);
    assertThat(r.deviceLastModifiedDate()).isEqualTo(device);
    assertThat(r.lastModifiedDate()).isEqualTo(Instant.ofEpochMilli(1709294400250L));
    assertThat(engine.describeDataset(dev, prefs).lastModifiedDate())
        .isEqualTo(Instant.ofEpochMilli(1709294400250L));
  }

  @Test
  void C5_lastModifiedByIsTheAccountForDeveloperCredentials() {
    Caller developer = Caller.developer("999988887777");
    update(developer, prefs, replace("k", "v", 0));
    assertThat(list(prefs).records().get(0).lastModifiedBy()).isEqualTo("999988887777");
    assertThat(list(prefs).lastModifiedBy()).isEqualTo("999988887777");
    assertThat(engine.describeDataset(dev, prefs).lastModifiedBy()).isEqualTo("999988887777");
  }

  @Test
  void C5_lastModifiedByIsTheIdentityForCognitoCredentials() {
    update(Caller.developer(), prefs, replace("a", "1", 0));
    List<SyncRecord> out = update(Caller.identity(ID_A), prefs, replace("b", "2", 0));
    assertThat(out.get(0).lastModifiedBy()).isEqualTo(ID_A);
    RecordsPage page = list(prefs);
    assertThat(page.lastModifiedBy()).isEqualTo(ID_A);
    assertThat(page.records())
        .extracting(SyncRecord::key, SyncRecord::lastModifiedBy)
        .containsExactly(tuple("a", Caller.DEFAULT_ACCOUNT_ID), tuple("b", ID_A));
    assertThat(engine.describeDataset(dev, prefs).lastModifiedBy()).isEqualTo(ID_A);
  }

  @Test
  void C6_listRecordsReturnsChangesAfterNIncludingTombstones() {
    update(prefs, replace("a", "1", 0), replace("b", "1", 0)); // 1
    update(prefs, replace("c", "1", 0)); // 2
    update(prefs, remove("a", 1)); // 3
    update(prefs, replace("d", "1", 0)); // 4
    assertThat(list(prefs, 2).records())
        .extracting(SyncRecord::key, SyncRecord::value, SyncRecord::syncCount)
        .containsExactly(tuple("a", null, 3L), tuple("d", "1", 4L));
    assertThat(list(prefs, 4).records()).isEmpty();
    assertThat(list(prefs, 4).datasetSyncCount()).isEqualTo(4);
  }

  @Test
  void C6_orderedBySyncCountThenKey() {
    update(prefs, replace("z", "1", 0), replace("m", "1", 0), replace("a", "1", 0)); // 1
    update(prefs, replace("b", "1", 0), replace("y", "1", 0)); // 2
    update(prefs, replace("z", "2", 1)); // 3
    update(prefs, replace("c", "1", 0), remove("a", 1)); // 4
    assertThat(list(prefs).records())
        .extracting(SyncRecord::key, SyncRecord::syncCount)
        .containsExactly(
            tuple("m", 1L),
            tuple("b", 2L),
            tuple("y", 2L),
            tuple("z", 3L),
            tuple("a", 4L),
            tuple("c", 4L));
  }

  @Test
  void C6_noLastSyncCountBehavesAsZero() {
    update(prefs, replace("a", "1", 0));
    update(prefs, remove("a", 1), replace("b", "1", 0));
    RecordsPage absent = engine.listRecords(dev, prefs, null, null, null);
    RecordsPage zero = engine.listRecords(dev, prefs, 0L, null, null);
    assertThat(absent.records()).isEqualTo(zero.records());
    assertThat(absent.records()).extracting(SyncRecord::key).containsExactly("a", "b");
  }

  @Test
  void C6_pageCarriesCurrentCountLastModifiedByAndToken() {
    update(Caller.identity(ID_A), prefs, replace("a", "1", 0));
    update(Caller.identity(ID_A), prefs, replace("b", "1", 0));
    RecordsPage page = list(prefs, 1);
    assertThat(page.datasetSyncCount()).isEqualTo(2);
    assertThat(page.lastModifiedBy()).isEqualTo(ID_A);
    assertThat(page.records()).hasSize(1);
    assertThat(page.nextToken()).isNull();
    assertThat(page.syncSessionToken()).isNotBlank();
    assertThat(page.datasetExists()).isTrue();
    assertThat(page.datasetDeletedAfterRequestedSyncCount()).isFalse();
  }

  @Test
  void C8_aCountAboveTheExistingDatasetsIsNoSuchSyncCountAndIssuesNoSession() {
    DatasetKey prefs = ds(ID_A, "prefs");
    put(prefs, "a", "1");
    put(prefs, "a", "2"); // count 2
    ServiceException e =
        assertRefusedWithoutStateChange(ErrorShape.InvalidParameterException, () -> list(prefs, 3));
    assertThat(e.getMessage()).isEqualTo("No such SyncCount: 3 exists for this Dataset");
    assertThat(list(prefs, 2).records()).isEmpty();
    // B3 and E1 are unchanged for datasets that do not exist
    assertThat(list(ds(ID_A, "never"), 3).datasetExists()).isFalse();
    engine.deleteDataset(dev, prefs);
    assertThat(list(prefs, 3).datasetExists()).isFalse();
  }

  @Test
  void C1_changeListenerSeesEveryCommitInOrderWithItsSyncCount() {
    List<DatasetChange> changes = new ArrayList<>();
    engine.addChangeListener(changes::add);
    update(prefs, replace("a", "1", 0));
    failure(() -> update(prefs, replace("a", "x", 0)));
    update(prefs, remove("a", 1));
    engine.deleteDataset(dev, prefs);
    assertThat(changes)
        .extracting(DatasetChange::kind, DatasetChange::syncCount)
        .containsExactly(
            tuple(DatasetChange.Kind.RECORDS_WRITTEN, 1L),
            tuple(DatasetChange.Kind.RECORDS_WRITTEN, 2L),
            tuple(DatasetChange.Kind.DATASET_DELETED, 2L));
    assertThat(changes.get(0).deviceId()).isEqualTo(DEVICE);
    assertThat(changes.get(1).written())
        .extracting(SyncRecord::key, SyncRecord::value)
        .containsExactly(tuple("a", null));
  }
}
