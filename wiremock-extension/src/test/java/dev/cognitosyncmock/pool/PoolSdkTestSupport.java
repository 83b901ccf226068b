package dev.cognitosyncmock.pool;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoStreams;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** An in-process mock and real AWS SDK v2 clients pointed at it. */
abstract class PoolSdkTestSupport {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String APP_ARN = "arn:aws:sns:us-east-1:123456789012:app/GCM/my-app";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/CognitoSyncRole";
  static final String STREAM = "sync-stream";

  final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
  private final List<AutoCloseable> toClose = new ArrayList<>();
  CognitoSyncServer server;
  CognitoSyncClient developer;
  CognitoSyncClient identity;

  void start(EngineSettings settings) {
    CognitoSyncService service =
        CognitoSyncService.builder()
            .settings(settings)
            .clock(clock)
            .ids(IdSource.sequential())
            .build();
    server = CognitoSyncServer.builder().service(service).build().start();
    developer = client(false);
    identity = client(true);
  }

  void start() {
    start(EngineSettings.DEFAULT);
  }

  CognitoSyncService service() {
    return server.service();
  }

  /** Session credentials make the mock treat the caller as a Cognito identity (G3). */
  private CognitoSyncClient client(boolean asIdentity) {
    CognitoSyncClient client =
        CognitoSyncClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    asIdentity
                        ? AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "session-token")
                        : AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
            .build();
    toClose.add(client);
    return client;
  }

  @AfterEach
  void stopServer() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  void configurePush() {
    developer.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(PushSync.builder().applicationArns(APP_ARN).roleArn(ROLE_ARN).build()));
  }

  void enableStreaming(StreamingStatus status) {
    developer.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .cognitoStreams(
                    CognitoStreams.builder()
                        .streamName(STREAM)
                        .roleArn(ROLE_ARN)
                        .streamingStatus(status)
                        .build()));
  }

  /** One client sync: ListRecords for a token, then UpdateRecords of new keys. */
  List<Record> write(
      CognitoSyncClient client,
      String identityId,
      String dataset,
      String deviceId,
      String... keyValues) {
    String token =
        client
            .listRecords(r -> r.identityPoolId(POOL).identityId(identityId).datasetName(dataset))
            .syncSessionToken();
    List<RecordPatch> patches = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      String key = keyValues[i];
      long current = currentSyncCount(client, identityId, dataset, key);
      patches.add(
          RecordPatch.builder()
              .op(Operation.REPLACE)
              .key(key)
              .value(keyValues[i + 1])
              .syncCount(current)
              .build());
    }
    return client
        .updateRecords(
            r ->
                r.identityPoolId(POOL)
                    .identityId(identityId)
                    .datasetName(dataset)
                    .syncSessionToken(token)
                    .deviceId(deviceId)
                    .recordPatches(patches))
        .records();
  }

  long currentSyncCount(CognitoSyncClient client, String identityId, String dataset, String key) {
    return client
        .listRecords(r -> r.identityPoolId(POOL).identityId(identityId).datasetName(dataset))
        .records()
        .stream()
        .filter(rec -> rec.key().equals(key))
        .mapToLong(Record::syncCount)
        .findFirst()
        .orElse(0);
  }

  /** Calls the mock's admin API and answers the body; fails on a non-2xx status. */
  String admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/__admin/cognito-sync" + path));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
