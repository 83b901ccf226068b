package dev.cognitosyncmock.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitosyncmock.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * The answers real clients repair themselves on, through the AWS SDK for Java v2: C8 ("No such
 * SyncCount"), E6 (merged datasets start at count 1) and D3 (a token of another identity), with the
 * iOS client's repair loop played end to end.
 */
class RepairPathsSdkTest extends SdkTestBase {
  static final String ABSORBED = "us-east-1:bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String NO_SUCH = "No such SyncCount:";

  /**
   * One local dataset as the iOS SDK's AWSCognitoDataset keeps it, syncing as it does: syncPull
   * lists from the local count and, on InvalidParameterException whose message starts with {@code
   * "No such SyncCount:"} while the local count is above 0, lowers the count by one and pulls
   * again; remote records overwrite clean local ones; syncPush sends the dirty records with their
   * local SyncCounts and adopts the highest returned count. Five attempts in all, as iOS.
   */
  static final class IosDataset {
    final CognitoSyncClient client;
    final String identityId;
    final String name;
    long localCount;
    final Map<String, String> values = new TreeMap<>();
    final Map<String, Long> recordCounts = new TreeMap<>();
    final Set<String> dirty = new LinkedHashSet<>();
    final List<Long> listedFrom = new ArrayList<>();
    final List<String> repairMessages = new ArrayList<>();
    List<String> mergedDatasetNames = List.of();

    IosDataset(CognitoSyncClient client, String identityId, String name) {
      this.client = client;
      this.identityId = identityId;
      this.name = name;
    }

    void set(String key, String value) {
      values.put(key, value);
      dirty.add(key);
    }

    void synchronize() {
      String token = syncPull(5);
      if (dirty.isEmpty()) {
        return;
      }
      List<RecordPatch> patches = new ArrayList<>();
      for (String key : dirty) {
        patches.add(
            RecordPatch.builder()
                .op(Operation.REPLACE)
                .key(key)
                .value(values.get(key))
                .syncCount(recordCounts.getOrDefault(key, 0L))
                .build());
      }
      List<Record> written =
          client
              .updateRecords(
                  r ->
                      r.identityPoolId(POOL)
                          .identityId(identityId)
                          .datasetName(name)
                          .syncSessionToken(token)
                          .recordPatches(patches))
              .records();
      for (Record r : written) {
        recordCounts.put(r.key(), r.syncCount());
        localCount = Math.max(localCount, r.syncCount());
      }
      dirty.clear();
    }

    private String syncPull(int remainingAttempts) {
      while (true) {
        listedFrom.add(localCount);
        try {
          ListRecordsResponse page =
              client.listRecords(
                  r ->
                      r.identityPoolId(POOL)
                          .identityId(identityId)
                          .datasetName(name)
                          .lastSyncCount(localCount));
          for (Record r : page.records()) {
            if (!dirty.contains(r.key())) {
              values.put(r.key(), r.value());
              recordCounts.put(r.key(), r.syncCount());
            }
          }
          mergedDatasetNames = page.mergedDatasetNames();
          localCount = Math.max(localCount, page.datasetSyncCount());
          return page.syncSessionToken();
        } catch (InvalidParameterException e) {
          String message = e.awsErrorDetails().errorMessage();
          if (--remainingAttempts > 0 && localCount > 0 && message.startsWith(NO_SUCH)) {
            repairMessages.add(message);
            localCount--;
            continue;
          }
          throw e;
        }
      }
    }
  }

  private static void write(
      CognitoSyncClient c, String identityId, String dataset, String key, String value) {
    ListRecordsResponse listed = SdkCalls.list(c, POOL, identityId, dataset, 0);
    long current =
        listed.records().stream()
            .filter(r -> r.key().equals(key))
            .mapToLong(Record::syncCount)
            .findFirst()
            .orElse(0);
    SdkCalls.put(c, POOL, identityId, dataset, listed.syncSessionToken(), key, value, current);
  }

  private long syncSessions(CognitoSyncClient c) {
    return c.describeIdentityPoolUsage(r -> r.identityPoolId(POOL))
        .identityPoolUsage()
        .syncSessionsCount();
  }

  @Test
  void C8_aCountTheDatasetNeverReachedIsNoSuchSyncCountAndChangesNothing() {
    CognitoSyncClient c = client();
    write(c, IDENTITY, "settings", "theme", "dark");
    write(c, IDENTITY, "settings", "theme", "light"); // count 2
    long sessions = syncSessions(c);

    assertThatThrownBy(() -> list(c, "settings", 3))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("No such SyncCount: 3 exists for this Dataset")
                  .startsWith(NO_SUCH);
            });
    assertThat(syncSessions(c)).as("no session was issued").isEqualTo(sessions);

    // the count it has reached is fine, and answers nothing new
    ListRecordsResponse atTop = list(c, "settings", 2);
    assertThat(atTop.records()).isEmpty();
    assertThat(atTop.datasetSyncCount()).isEqualTo(2);
  }

  @Test
  void C8_B3_E1_aDatasetThatDoesNotExistKeepsAnsweringDatasetExistsFalse() {
    CognitoSyncClient c = client();
    ListRecordsResponse never = list(c, "never-written", 7);
    assertThat(never.datasetExists()).isFalse();
    assertThat(never.datasetSyncCount()).isZero();
    assertThat(never.syncSessionToken()).isNotBlank();

    write(c, IDENTITY, "settings", "theme", "dark");
    write(c, IDENTITY, "settings", "theme", "light"); // count 2
    c.deleteDataset(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"));
    ListRecordsResponse deletedAbove = list(c, "settings", 9);
    assertThat(deletedAbove.datasetExists()).isFalse();
    ListRecordsResponse deletedBelow = list(c, "settings", 2);
    assertThat(deletedBelow.datasetExists()).isFalse();
    assertThat(deletedBelow.datasetDeletedAfterRequestedSyncCount()).isTrue();
  }

  @Test
  void C8_theIosRepairLoopLowersItsCountOnTheMessagePrefixAndSyncs() {
    CognitoSyncClient phone = client();
    write(phone, IDENTITY, "settings", "theme", "dark");
    write(phone, IDENTITY, "settings", "theme", "light"); // the server is at count 2

    // a tablet whose local count ran ahead of the server's (restored from another install)
    IosDataset tablet = new IosDataset(client(), IDENTITY, "settings");
    tablet.localCount = 5;
    tablet.set("volume", "7");

    tablet.synchronize();

    assertThat(tablet.listedFrom).containsExactly(5L, 4L, 3L, 2L);
    assertThat(tablet.repairMessages)
        .containsExactly(
            "No such SyncCount: 5 exists for this Dataset",
            "No such SyncCount: 4 exists for this Dataset",
            "No such SyncCount: 3 exists for this Dataset");
    assertThat(tablet.localCount).isEqualTo(3);
    assertThat(tablet.dirty).isEmpty();
    ListRecordsResponse server = list(phone, "settings", 0);
    assertThat(server.datasetSyncCount()).isEqualTo(3);
    assertThat(server.records())
        .extracting(Record::key, Record::value, Record::syncCount)
        .containsExactly(tuple("theme", "light", 2L), tuple("volume", "7", 3L));

    // the repaired client syncs normally afterwards
    tablet.set("volume", "8");
    tablet.synchronize();
    assertThat(tablet.listedFrom).endsWith(3L);
    assertThat(tablet.localCount).isEqualTo(4);
  }

  @Test
  void C8_aClientThatCannotRepairWithinItsBudgetFails() {
    CognitoSyncClient c = client();
    write(c, IDENTITY, "settings", "theme", "dark"); // count 1
    IosDataset far = new IosDataset(client(), IDENTITY, "settings");
    far.localCount = 40;
    assertThatThrownBy(far::synchronize)
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(NO_SUCH);
    assertThat(far.listedFrom).containsExactly(40L, 39L, 38L, 37L, 36L);
  }

  @Test
  void E6_C8_mergingDatasetsAtCountsOneAndFiveThenTheAbsorbedDeviceRepairsItsCount()
      throws Exception {
    write(client(), IDENTITY, "settings", "theme", "dark"); // the survivor's dataset at count 1
    IosDataset absorbed = new IosDataset(client(), ABSORBED, "settings");
    for (int level = 1; level <= 4; level++) {
      absorbed.set("level", Integer.toString(level));
      absorbed.synchronize();
    }
    absorbed.set("coins", "300");
    absorbed.synchronize();
    assertThat(absorbed.localCount).as("the absorbed identity's dataset").isEqualTo(5);

    // the existing admin merge, as Cognito Identity merges when logins are linked
    HttpResponse<String> merge =
        admin(
            "/merges",
            "{\"IdentityPoolId\":\""
                + POOL
                + "\",\"SurvivorIdentityId\":\""
                + IDENTITY
                + "\",\"AbsorbedIdentityId\":\""
                + ABSORBED
                + "\"}");
    String mergedName = "settings." + ABSORBED;
    assertThat(Json.MAPPER.readTree(merge.body()).get("MergedDatasetNames").get(0).asString())
        .isEqualTo(mergedName);

    // E6: the merged dataset starts over at count 1, keys and values intact
    CognitoSyncClient survivorDevice = client();
    ListRecordsResponse merged = list(survivorDevice, IDENTITY, mergedName, 0);
    assertThat(merged.datasetSyncCount()).isEqualTo(1);
    assertThat(merged.records())
        .extracting(Record::key, Record::value, Record::syncCount)
        .containsExactly(tuple("coins", "300", 1L), tuple("level", "4", 1L));
    ListRecordsResponse own = list(survivorDevice, IDENTITY, "settings", 0);
    assertThat(own.datasetSyncCount()).as("the survivor's own dataset").isEqualTo(1);
    assertThat(own.mergedDatasetNames()).containsExactly(mergedName);

    // the absorbed device, now signed in as the survivor, reparents its local dataset to
    // settings.<absorbedId> keeping its count of 5 (what the SDKs do [I6]): it meets C8 and repairs
    IosDataset reparented = new IosDataset(client(), IDENTITY, mergedName);
    reparented.localCount = absorbed.localCount;
    reparented.values.putAll(absorbed.values);

    reparented.synchronize();

    assertThat(reparented.listedFrom).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(reparented.repairMessages)
        .hasSize(4)
        .allSatisfy(m -> assertThat(m).startsWith(NO_SUCH));
    assertThat(reparented.localCount).isEqualTo(1);
    assertThat(reparented.values).containsEntry("coins", "300").containsEntry("level", "4");

    // the survivor's device then handles the merge as the SDKs' merge callbacks do: take the
    // values into its own dataset and delete the merged one, which stops the merge being reported
    IosDataset survivorSettings = new IosDataset(survivorDevice, IDENTITY, "settings");
    survivorSettings.synchronize();
    assertThat(survivorSettings.mergedDatasetNames).containsExactly(mergedName);
    survivorSettings.set("coins", merged.records().get(0).value());
    survivorSettings.synchronize();
    survivorDevice.deleteDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(mergedName));
    ListRecordsResponse after = list(survivorDevice, IDENTITY, "settings", 0);
    assertThat(after.mergedDatasetNames()).isEmpty();
    assertThat(after.datasetSyncCount()).isEqualTo(2);
    assertThat(after.records())
        .extracting(Record::key, Record::value)
        .containsExactly(tuple("theme", "dark"), tuple("coins", "300"));
  }

  /** ListRecords for another identity than the base class's. */
  private static ListRecordsResponse list(
      CognitoSyncClient c, String identityId, String dataset, long lastSyncCount) {
    return c.listRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(identityId)
                .datasetName(dataset)
                .lastSyncCount(lastSyncCount));
  }

  @Test
  void D3_aTokenOfAnotherIdentityOfThePoolIsAnIdentityMismatch() {
    CognitoSyncClient c = client();
    String othersToken = list(c, OTHER_IDENTITY, "settings", 0).syncSessionToken();
    assertThatThrownBy(() -> put(c, "settings", othersToken, "theme", "dark", 0))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Mismatch between session identity id and request identity id");
            });
    String otherDatasetsToken = list(c, "elsewhere", 0).syncSessionToken();
    assertThatThrownBy(() -> put(c, "settings", otherDatasetsToken, "theme", "dark", 0))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("SyncSessionToken not valid for these inputs"));
    assertThat(list(c, "settings", 0).datasetExists()).isFalse();
  }

  private static HttpResponse<String> admin(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.endpoint() + "/__admin/cognito-sync" + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }
}
