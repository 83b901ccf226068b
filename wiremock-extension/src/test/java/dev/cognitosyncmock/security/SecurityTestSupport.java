package dev.cognitosyncmock.security;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.sdk.SdkCalls;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** A mock with security settings, configured keys, and real SDK v2 clients for each key. */
abstract class SecurityTestSupport {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String OTHER_POOL = "us-east-1:22222222-2222-3333-4444-555555555555";
  static final String ALICE = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String BOB = "us-east-1:bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String DEVELOPER_ACCOUNT = "210987654321";

  static final AccessKey DEVELOPER =
      AccessKey.developer("AKIADEVELOPER0000001", "developer/secret/key/0001", DEVELOPER_ACCOUNT);
  static final AccessKey ALICE_KEY =
      AccessKey.identity(
          "ASIAALICE00000000001", "alice/secret/key/0001", "alice-session-token", ALICE);
  static final AccessKey BOB_KEY =
      AccessKey.identity("ASIABOB0000000000001", "bob/secret/key/0001", "bob-session-token", BOB)
          .inPool(POOL);
  static final List<AccessKey> KEYS = List.of(DEVELOPER, ALICE_KEY, BOB_KEY);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  CognitoSyncServer server;

  CognitoSyncServer start(UnaryOperator<CognitoSyncService.Builder> settings) {
    server =
        CognitoSyncServer.builder()
            .service(settings.apply(CognitoSyncService.builder().credentials(KEYS)).build())
            .build()
            .start();
    return server;
  }

  CognitoSyncServer start(Clock clock, UnaryOperator<CognitoSyncService.Builder> settings) {
    return start(b -> settings.apply(b.clock(clock)));
  }

  /** An SDK client signing with this key: session credentials for identity keys. */
  CognitoSyncClient client(AccessKey key) {
    return client(
        key.sessionToken() == null
            ? AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())
            : AwsSessionCredentials.create(
                key.accessKeyId(), key.secretAccessKey(), key.sessionToken()));
  }

  CognitoSyncClient client(AwsCredentials credentials) {
    CognitoSyncClient client = SdkCalls.syncClient(server.endpoint(), credentials);
    toClose.add(client);
    return client;
  }

  @AfterEach
  void stopServer() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    toClose.clear();
    if (server != null) {
      server.stop();
    }
  }
}
