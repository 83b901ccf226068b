package dev.cognitosyncmock.engine;

import static dev.cognitosyncmock.engine.RecordPatch.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest extends EngineTestSupport {
  private final DatasetKey prefs = ds(ID_A, "prefs");

  private void createDatasets(String identityId, String... names) {
    for (String name : names) {
      put(ds(identityId, name), "k", "v");
    }
  }

  @Test
  void B6_listDatasetsPagesWithCountEqualToThePageSize() {
    createDatasets(ID_A, "e", "a", "d", "b", "c");
    DatasetsPage p1 = engine.listDatasets(dev, identity(ID_A), null, 2);
    assertThat(p1.datasets()).extracting(DatasetInfo::datasetName).containsExactly("a", "b");
    assertThat(p1.nextToken()).isNotNull();
    DatasetsPage p2 = engine.listDatasets(dev, identity(ID_A), p1.nextToken(), 2);
    assertThat(p2.datasets()).extracting(DatasetInfo::datasetName).containsExactly("c", "d");
    assertThat(p2.nextToken()).isNotNull();
    DatasetsPage p3 = engine.listDatasets(dev, identity(ID_A), p2.nextToken(), 2);
    assertThat(p3.datasets()).extracting(DatasetInfo::datasetName).containsExactly("e");
    assertThat(p3.nextToken()).isNull();
  }

  @Test
  void B6_exactlyFullLastPageHasNoNextToken() {
    createDatasets(ID_A, "a", "b", "c", "d");
    DatasetsPage p1 = engine.listDatasets(dev, identity(ID_A), null, 2);
    DatasetsPage p2 = engine.listDatasets(dev, identity(ID_A), p1.nextToken(), 2);
    assertThat(p2.datasets()).hasSize(2);
    assertThat(p2.nextToken()).isNull();
    assertThat(engine.listDatasets(dev, identity(ID_A), null, 4).nextToken()).isNull();
  }

  @Test
  void B6_pagingSkipsDeletedDatasetsAndSurvivesADeletionBetweenPages() {
    createDatasets(ID_A, "a", "b", "c", "d", "e");
    engine.deleteDataset(dev, ds(ID_A, "b"));
    DatasetsPage p1 = engine.listDatasets(dev, identity(ID_A), null, 2);
    assertThat(p1.datasets()).extracting(DatasetInfo::datasetName).containsExactly("a", "c");
    engine.deleteDataset(dev, ds(ID_A, "c")); // the last item of the previous page
    DatasetsPage p2 = engine.listDatasets(dev, identity(ID_A), p1.nextToken(), 2);
    assertThat(p2.datasets()).extracting(DatasetInfo::datasetName).containsExactly("d", "e");
  }

  @Test
  void B6_nextTokenIsOpaqueAndBoundToTheIdentity() {
    createDatasets(ID_A, "alpha", "beta", "gamma");
    createDatasets(ID_B, "alpha", "beta", "gamma");
    String token = engine.listDatasets(dev, identity(ID_A), null, 1).nextToken();
    assertThat(token).doesNotContain("alpha").doesNotContain(ID_A);
    ServiceException e =
        assertRefusedWithoutStateChange(
            ErrorShape.InvalidParameterException,
            () -> engine.listDatasets(dev, identity(ID_B), token, 1));
    assertThat(e.getMessage()).contains("NextToken");
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listDatasets(dev, new IdentityKey(OTHER_POOL, ID_A), token, 1));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listDatasets(dev, identity(ID_A), "not a token!", 1));
    // a records token is not a datasets token
    put(ds(ID_A, "alpha"), "k2", "v", "k3", "v");
    String recordsToken = engine.listRecords(dev, ds(ID_A, "alpha"), null, null, 1).nextToken();
    assertThat(recordsToken).isNotNull();
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listDatasets(dev, identity(ID_A), recordsToken, 1));
  }

  @Test
  void C7_listDatasetsReturnsEverythingWithoutMaxResultsAndHonours64() {
    String[] names = new String[20];
    for (int i = 0; i < 20; i++) {
      names[i] = "ds" + i;
    }
    createDatasets(ID_A, names);
    assertThat(engine.listDatasets(dev, identity(ID_A), null, null).datasets()).hasSize(20);
    DatasetsPage page = engine.listDatasets(dev, identity(ID_A), null, 64);
    assertThat(page.datasets()).hasSize(20);
    assertThat(page.nextToken()).isNull();
  }

  private void fillRecords(int n) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      values.put(String.format("r%04d", i), "v" + i);
    }
    engine.putRecords(dev, prefs, values);
  }

  @Test
  void C7_listRecordsHonours1024PerPage() {
    fillRecords(1024);
    RecordsPage page = engine.listRecords(dev, prefs, 0L, null, 1024);
    assertThat(page.records()).hasSize(1024);
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void C7_listRecordsReturnsEverythingWithoutMaxResults() {
    fillRecords(1024);
    update(prefs, RecordPatch.remove("r0000", 1), replace("later", "v", 0)); // + a tombstone
    RecordsPage page = engine.listRecords(dev, prefs, null, null, null);
    assertThat(page.records()).hasSize(1025);
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void C7_followingNextTokenVisitsEveryRecordOnceInOrder() {
    fillRecords(10); // all at count 1
    update(prefs, replace("r0003", "x", 1)); // 2
    update(prefs, replace("a-new", "x", 0)); // 3
    List<SyncRecord> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String next = null;
    do {
      RecordsPage page = engine.listRecords(dev, prefs, 0L, next, 4);
      all.addAll(page.records());
      sizes.add(page.records().size());
      assertThat(page.datasetSyncCount()).isEqualTo(3);
      next = page.nextToken();
    } while (next != null);
    assertThat(sizes).containsExactly(4, 4, 3);
    assertThat(all).isEqualTo(list(prefs).records());
    assertThat(keys(all))
        .containsExactly(
            "r0000", "r0001", "r0002", "r0004", "r0005", "r0006", "r0007", "r0008", "r0009",
            "r0003", "a-new");
  }

  @Test
  void C7_recordsNextTokenIsBoundToDatasetAndLastSyncCount() {
    fillRecords(5);
    put(ds(ID_A, "other"), "a", "1", "b", "2", "c", "3");
    String token = engine.listRecords(dev, prefs, 0L, null, 2).nextToken();
    assertThat(token).isNotNull().doesNotContain("r0001");
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listRecords(dev, ds(ID_A, "other"), 0L, token, 2));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException, () -> engine.listRecords(dev, prefs, 1L, token, 2));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listRecords(dev, ds(ID_B, "prefs"), 0L, token, 2));
    assertRefusedWithoutStateChange(
        ErrorShape.InvalidParameterException,
        () -> engine.listRecords(dev, prefs, 0L, "garbage", 2));
    assertThat(engine.listRecords(dev, prefs, 0L, token, 2).records())
        .extracting(SyncRecord::key)
        .containsExactly("r0002", "r0003");
  }
}
