package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The mock without the JUnit extension: start a {@link CognitoSyncServer} yourself, point an SDK
 * client at it, reset its state between tests. Works with any test framework.
 */
class InProcessServerTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  static CognitoSyncServer server;
  static CognitoSyncClient client;

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start(); // a free port on 127.0.0.1
    client =
        CognitoSyncClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("test", "test"))) // any credentials will do
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop();
  }

  @BeforeEach
  void forgetEverything() {
    server.service().engine().reset();
  }

  @Test
  void settingsWrittenOnOneDeviceAppearOnAnother() {
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");
    phone.put("language", "de");
    SyncResult pushed = phone.sync();

    SettingsStore laptop = new SettingsStore(client, POOL, USER);
    SyncResult pulled = laptop.sync();

    assertThat(pushed.pushed()).isEqualTo(2);
    assertThat(pulled.pulled()).isEqualTo(2);
    assertThat(laptop.asMap()).containsExactlyEntriesOf(phone.asMap());
  }

  @Test
  void eachUserHasTheirOwnSettings() {
    SettingsStore alice = new SettingsStore(client, POOL, USER);
    alice.put("theme", "dark");
    alice.sync();

    SettingsStore bob =
        new SettingsStore(client, POOL, "us-east-1:bbbbbbbb-0000-0000-0000-000000000000");
    bob.sync();

    assertThat(bob.asMap()).isEmpty();
  }
}
