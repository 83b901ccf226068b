package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The application's sync against the mock, through the JUnit extension: {@code @CognitoSyncTest}
 * starts one mock for the class, resets it before every test, and injects an SDK client pointed at
 * it and the {@link CognitoSyncMock} handle, which seeds and reads the server's state directly. Two
 * {@link SettingsStore}s on one identity play a user's phone and laptop.
 */
@CognitoSyncTest
class SettingsStoreTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @Test
  void changesOnEitherDeviceReachTheOther(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    SettingsStore laptop = new SettingsStore(client, POOL, USER);

    phone.put("theme", "dark");
    phone.sync();
    laptop.sync();
    laptop.put("language", "de");
    laptop.sync();
    phone.sync();

    assertThat(phone.asMap()).isEqualTo(Map.of("theme", "dark", "language", "de"));
    assertThat(laptop.asMap()).isEqualTo(phone.asMap());
    // what the server holds, read through the handle rather than the API under test
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(phone.asMap());
  }

  @Test
  void aRemovedSettingIsRemovedEverywhere(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    SettingsStore laptop = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.put("font-size", "14");
    phone.sync();
    laptop.sync();

    phone.remove("font-size");
    phone.sync();
    laptop.sync();

    assertThat(laptop.asMap()).isEqualTo(Map.of("theme", "dark"));
    // the server keeps the removal as a tombstone, so that other devices learn of it (C3)
    assertThat(mock.records(POOL, USER, "settings"))
        .filteredOn(r -> r.key().equals("font-size"))
        .singleElement()
        .satisfies(r -> assertThat(r.isTombstone()).isTrue());
  }

  @Test
  void settingsAlreadyOnTheServerArePulledOnFirstSync(
      CognitoSyncClient client, CognitoSyncMock mock) {
    // state written straight into the mock, as if by an earlier version of the app
    mock.seed(POOL, USER, "settings", Map.of("theme", "light", "language", "fr"));

    SettingsStore phone = new SettingsStore(client, POOL, USER);
    SyncResult result = phone.sync();

    assertThat(phone.asMap()).isEqualTo(Map.of("theme", "light", "language", "fr"));
    assertThat(result.pulled()).isEqualTo(2);
    assertThat(result.syncCount()).isEqualTo(1);
  }

  @Test
  void aConflictGoesToTheResolver_remoteWinsByDefault(
      CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    SettingsStore laptop = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.sync();
    laptop.sync();

    laptop.put("theme", "light");
    laptop.sync();
    phone.put("theme", "solarized"); // changed here too, without having seen "light"
    SyncResult result = phone.sync();

    assertThat(result.conflicts()).isEqualTo(1);
    assertThat(result.pushed()).isZero();
    assertThat(phone.get("theme")).hasValue("light");
    assertThat(mock.values(POOL, USER, "settings")).containsEntry("theme", "light");
  }

  @Test
  void aConflictGoesToTheResolver_localWins(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone =
        new SettingsStore(
            client,
            POOL,
            USER,
            SettingsStore.DEFAULT_DATASET,
            ConflictResolver.localWins(),
            java.time.Clock.systemUTC());
    SettingsStore laptop = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.sync();
    laptop.sync();

    laptop.put("theme", "light");
    laptop.sync();
    phone.put("theme", "solarized");
    SyncResult result = phone.sync();
    laptop.sync();

    assertThat(result.conflicts()).isEqualTo(1);
    assertThat(result.pushed()).isEqualTo(1);
    assertThat(laptop.get("theme")).hasValue("solarized");
    // the patch carried the SyncCount of "light", so the server took it (C2)
    SyncRecord theme = mock.records(POOL, USER, "settings").get(0);
    assertThat(theme.value()).isEqualTo("solarized");
    assertThat(theme.syncCount()).isEqualTo(3);
  }

  @Test
  void aDatasetDeletedElsewhereStartsOverKeepingLocalEdits(
      CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.sync();

    // another device deletes the whole dataset (SEMANTICS F3)
    client.deleteDataset(r -> r.identityPoolId(POOL).identityId(USER).datasetName("settings"));
    phone.put("language", "de");
    phone.sync();

    // E2: the synced "theme" went with the dataset; the unsynced edit was pushed to a new one
    assertThat(phone.asMap()).isEqualTo(Map.of("language", "de"));
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(Map.of("language", "de"));
  }

  @Test
  void aSyncWithNothingToPushOnlyLists(CognitoSyncClient client, CognitoSyncMock mock) {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.sync();
    phone.sync();

    // the handle lists the requests the mock answered since the test began
    assertThat(mock.requests("ListRecords")).hasSize(2);
    assertThat(mock.requests("UpdateRecords")).hasSize(1);
  }
}
