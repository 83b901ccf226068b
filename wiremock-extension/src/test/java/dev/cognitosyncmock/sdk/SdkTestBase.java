package dev.cognitosyncmock.sdk;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClientBuilder;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/** Starts one in-process mock per test class and talks to it with the real AWS SDK v2 client. */
abstract class SdkTestBase {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String OTHER_IDENTITY = "us-east-1:99999999-bbbb-cccc-dddd-eeeeeeeeeeee";

  static CognitoSyncServer server;
  static final List<CognitoSyncClient> clients = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stopServer() {
    clients.forEach(CognitoSyncClient::close);
    clients.clear();
    server.stop();
  }

  @BeforeEach
  void resetState() {
    server.service().engine().reset();
  }

  static CognitoSyncClient client() {
    return client(server, b -> {});
  }

  static CognitoSyncClient client(
      CognitoSyncServer target, Consumer<CognitoSyncClientBuilder> extra) {
    CognitoSyncClientBuilder b =
        CognitoSyncClient.builder()
            .endpointOverride(target.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .httpClient(UrlConnectionHttpClient.create());
    extra.accept(b);
    CognitoSyncClient c = b.build();
    clients.add(c);
    return c;
  }

  static CognitoSyncServer startServer(EngineSettings settings) {
    return CognitoSyncServer.builder()
        .service(CognitoSyncService.builder().settings(settings).build())
        .build()
        .start();
  }

  static ListRecordsResponse list(CognitoSyncClient c, String dataset, long lastSyncCount) {
    return SdkCalls.list(c, POOL, IDENTITY, dataset, lastSyncCount);
  }

  static UpdateRecordsResponse put(
      CognitoSyncClient c, String dataset, String token, String key, String value, long syncCount) {
    return SdkCalls.put(c, POOL, IDENTITY, dataset, token, key, value, syncCount);
  }
}
