package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.junit.CognitoSyncFault;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import dev.cognitosyncmock.junit.ReceivedRequest;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The mock's fault injection ({@code @CognitoSyncFault}, docs/faults.md) against the store's retry
 * and conflict handling. Each rule applies to its test only. A "conflict" fault is not a canned
 * 409: another device really writes the keys just before the UpdateRecords is applied, so the
 * re-listing shows its value, as it would against the service.
 */
@CognitoSyncTest
class FaultInjectionTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @Test
  @CognitoSyncFault(
      operation = "UpdateRecords",
      nthCall = 1,
      conflict = true,
      conflictValues = "theme=light")
  void anotherDeviceWritesFirst_theStoreListsAgainAndResolves(
      CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER); // remote wins
    phone.put("theme", "dark");

    SyncResult result = phone.sync();

    assertThat(result.retries()).isEqualTo(1);
    assertThat(result.conflicts()).isEqualTo(1);
    assertThat(phone.get("theme")).hasValue("light");
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(Map.of("theme", "light"));
    assertThat(mock.requests("UpdateRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(409); // after the re-listing there was nothing left to push
  }

  @Test
  @CognitoSyncFault(operation = "UpdateRecords", conflict = true) // every UpdateRecords
  void aDeviceThatAlwaysLosesGivesUpAfterThreeRetries(
      CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone =
        new SettingsStore(
            client,
            POOL,
            USER,
            SettingsStore.DEFAULT_DATASET,
            ConflictResolver.localWins(),
            Clock.systemUTC());
    phone.put("theme", "dark");

    assertThatThrownBy(phone::sync)
        .isInstanceOf(SyncFailedException.class)
        .hasMessageContaining("exceeded maximum retries (3)")
        .hasMessageContaining("Current SyncCount for: theme is: 4 not: 3");
    assertThat(mock.requests("UpdateRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(409, 409, 409, 409); // the first try and three retries
    assertThat(phone.hasLocalChanges()).isTrue(); // nothing lost: the next sync tries again
  }

  @Test
  @CognitoSyncFault(
      operation = "UpdateRecords",
      nthCall = 1,
      connectionFault = "CONNECTION_RESET_BY_PEER",
      afterApplying = true)
  void aLostAnswerIsNotWrittenTwice(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");

    // The write is applied, the answer lost; the SDK retries the same patch and meets a 409
    // (its own write moved the key on); the store lists again, finds its own value, and is done.
    SyncResult result = phone.sync();

    assertThat(result.retries()).isEqualTo(1);
    assertThat(result.conflicts()).isZero();
    SyncRecord theme = mock.records(POOL, USER, "settings").get(0);
    assertThat(theme.value()).isEqualTo("dark");
    assertThat(theme.syncCount()).isEqualTo(1); // written once
  }

  @Test
  @CognitoSyncFault(operation = "ListRecords", firstCalls = 2, error = "TooManyRequestsException")
  void throttlingIsRetriedByTheSdk(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");

    SyncResult result = phone.sync();

    assertThat(result.retries()).isZero(); // the application never saw the throttling
    assertThat(mock.requests("ListRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(429, 429, 200);
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(Map.of("theme", "dark"));
  }
}
