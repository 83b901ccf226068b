package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.IDENTITY;
import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static dev.cognitosyncmock.faults.FaultTestSupport.list;
import static dev.cognitosyncmock.faults.FaultTestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

/**
 * A real conflict (SEMANTICS C2): another device's write lands just before the matching
 * UpdateRecords, so the request fails with a genuine 409 from the engine and a re-list shows the
 * other device's value; a client sync loop (F1, F2) resolves it on its second pass.
 */
class ConflictFaultSdkTest {
  CognitoSyncServer server;
  CognitoSyncClient client;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
    client = FaultTestSupport.sdk(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void C2_theConflictingWriteIsRealAndTheRequestFailsWith409() {
    server
        .service()
        .faults()
        .add(
            FaultRule.on("UpdateRecords")
                .dataset("settings")
                .nthCall(1)
                .action(new FaultAction.Conflict(Map.of("theme", "light"), null, "tablet")));
    String token = list(client, "settings", 0).syncSessionToken();

    assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Current SyncCount for: theme is: 1 not: 0");
            });

    ListRecordsResponse relisted = list(client, "settings", 0);
    assertThat(relisted.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value()).isEqualTo("light");
              assertThat(r.syncCount()).isEqualTo(1);
              assertThat(r.lastModifiedBy()).isEqualTo("tablet");
            });
    assertThat(relisted.datasetSyncCount()).isEqualTo(1);
  }

  @Test
  void C2_withoutValuesTheOtherDeviceWritesEveryPatchedKey() {
    server.service().faults().add(FaultRule.on("UpdateRecords").nthCall(1).conflict());
    String token = list(client, "settings", 0).syncSessionToken();
    assertThatThrownBy(
            () ->
                client.updateRecords(
                    r ->
                        r.identityPoolId(POOL)
                            .identityId(IDENTITY)
                            .datasetName("settings")
                            .syncSessionToken(token)
                            .recordPatches(
                                RecordPatch.builder()
                                    .op(Operation.REPLACE)
                                    .key("a")
                                    .value("1")
                                    .syncCount(0L)
                                    .build(),
                                RecordPatch.builder()
                                    .op(Operation.REPLACE)
                                    .key("b")
                                    .value("2")
                                    .syncCount(0L)
                                    .build())))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(list(client, "settings", 0).records())
        .extracting(Record::key, Record::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("a", FaultAction.Conflict.DEFAULT_VALUE),
            org.assertj.core.groups.Tuple.tuple("b", FaultAction.Conflict.DEFAULT_VALUE));
  }

  @Test
  void F2_aClientSyncLoopResolvesTheConflictOnItsSecondPass() {
    FaultRule rule =
        server
            .service()
            .faults()
            .add(
                FaultRule.on("UpdateRecords")
                    .nthCall(1)
                    .action(
                        new FaultAction.Conflict(
                            Map.of("theme", "light", "font", "small"), null, "tablet")));
    SyncingDevice phone = new SyncingDevice(client, "settings");
    phone.edit("theme", "dark");

    int passes = phone.synchronize(3);

    assertThat(passes).isEqualTo(2);
    assertThat(phone.conflictsSeen).containsExactly("theme: local dark, remote light");
    // local edit wins for the key in conflict; the other device's other key is merged in
    assertThat(phone.local).containsEntry("theme", "dark").containsEntry("font", "small");
    assertThat(list(client, "settings", 0).records())
        .extracting(r -> r.key() + "=" + r.value() + "@" + r.syncCount())
        .containsExactlyInAnyOrder("font=small@1", "theme=dark@2");
    assertThat(server.service().faults().rules().fired(rule.id())).isEqualTo(1);
    assertThat(server.wireMock().getAllServeEvents())
        .filteredOn(
            e ->
                FaultTestSupport.operation(server, e.getRequest())
                    .orElse("")
                    .equals("UpdateRecords"))
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly(200, 409); // newest first
  }

  /**
   * The client sync loop of SEMANTICS F1/F2, as the Android and iOS clients run it: pull the
   * changes after the local count, resolve conflicts (local edits win), push the dirty keys with
   * their last known SyncCount; on 409 start over, up to a retry budget.
   */
  static final class SyncingDevice {
    final CognitoSyncClient client;
    final String dataset;
    final Map<String, String> local = new LinkedHashMap<>();
    final Map<String, Long> knownCounts = new LinkedHashMap<>();
    final Map<String, String> dirty = new LinkedHashMap<>();
    final List<String> conflictsSeen = new ArrayList<>();
    long lastSyncCount;

    SyncingDevice(CognitoSyncClient client, String dataset) {
      this.client = client;
      this.dataset = dataset;
    }

    void edit(String key, String value) {
      local.put(key, value);
      dirty.put(key, value);
    }

    /** Answers how many passes it took. */
    int synchronize(int budget) {
      for (int pass = 1; pass <= budget; pass++) {
        ListRecordsResponse pulled = list(client, dataset, lastSyncCount);
        for (Record r : pulled.records()) {
          knownCounts.put(r.key(), r.syncCount());
          if (dirty.containsKey(r.key()) && !dirty.get(r.key()).equals(r.value())) {
            conflictsSeen.add(r.key() + ": local " + dirty.get(r.key()) + ", remote " + r.value());
            continue; // local wins: keep the dirty value, now against the remote count
          }
          local.put(r.key(), r.value());
        }
        if (dirty.isEmpty()) {
          lastSyncCount = pulled.datasetSyncCount();
          return pass;
        }
        List<RecordPatch> patches = new ArrayList<>();
        dirty.forEach(
            (k, v) ->
                patches.add(
                    RecordPatch.builder()
                        .op(Operation.REPLACE)
                        .key(k)
                        .value(v)
                        .syncCount(knownCounts.getOrDefault(k, 0L))
                        .build()));
        try {
          client.updateRecords(
              r ->
                  r.identityPoolId(POOL)
                      .identityId(IDENTITY)
                      .datasetName(dataset)
                      .syncSessionToken(pulled.syncSessionToken())
                      .recordPatches(patches));
          dirty.clear();
          lastSyncCount = pulled.datasetSyncCount() + 1;
          return pass;
        } catch (ResourceConflictException e) {
          // F2: start over from the last count both sides agree on
        }
      }
      throw new AssertionError("exceeded maximum retries");
    }
  }
}
