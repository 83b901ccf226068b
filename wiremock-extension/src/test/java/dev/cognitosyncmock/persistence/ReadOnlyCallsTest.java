package dev.cognitosyncmock.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;

/** Persistence follows what the engine reports as changed, not operation names or HTTP methods. */
class ReadOnlyCallsTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @TempDir Path dir;

  @Test
  void readOnlyCallsWriteNothingToTheStateDirectory() throws IOException {
    CognitoSyncServer server =
        CognitoSyncServer.builder()
            .service(CognitoSyncService.builder().persistenceDirectory(dir).build())
            .build()
            .start();
    try (CognitoSyncClient c = client(server)) {
      String token =
          c.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"))
              .syncSessionToken();
      c.updateRecords(
          r ->
              r.identityPoolId(POOL)
                  .identityId(IDENTITY)
                  .datasetName("settings")
                  .syncSessionToken(token)
                  .recordPatches(
                      RecordPatch.builder()
                          .op(Operation.REPLACE)
                          .key("k")
                          .value("v")
                          .syncCount(0L)
                          .build()));
      c.setIdentityPoolConfiguration(
          r ->
              r.identityPoolId(POOL)
                  .cognitoStreams(
                      s ->
                          s.streamName("stream")
                              .roleArn("arn:aws:iam::123456789012:role/streams")
                              .streamingStatus(StreamingStatus.ENABLED)));
      c.bulkPublish(r -> r.identityPoolId(POOL));
      Map<String, byte[]> before = contents(dir);

      // GetBulkPublishDetails is a POST; none of these changes anything
      c.getBulkPublishDetails(r -> r.identityPoolId(POOL));
      c.describeDataset(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings"));
      c.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY));
      c.describeIdentityUsage(r -> r.identityPoolId(POOL).identityId(IDENTITY));
      c.describeIdentityPoolUsage(r -> r.identityPoolId(POOL));
      c.listIdentityPoolUsage(r -> {});
      c.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL));
      c.getCognitoEvents(r -> r.identityPoolId(POOL));

      assertThat(contents(dir)).usingRecursiveComparison().isEqualTo(before);
    } finally {
      server.stop();
    }
  }

  @Test
  void aPoolConfigurationChangeIsDurableWithoutAClose() {
    CognitoSyncService first = CognitoSyncService.builder().persistenceDirectory(dir).build();
    first
        .engine()
        .setCognitoEvents(
            dev.cognitosyncmock.engine.Caller.developer(),
            POOL,
            Map.of("SyncTrigger", "arn:aws:lambda:us-east-1:123456789012:function:f"));
    // never closed: as if the process died
    CognitoSyncService second = CognitoSyncService.builder().persistenceDirectory(dir).build();
    assertThat(
            second.engine().getCognitoEvents(dev.cognitosyncmock.engine.Caller.developer(), POOL))
        .containsEntry("SyncTrigger", "arn:aws:lambda:us-east-1:123456789012:function:f");
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private static CognitoSyncClient client(CognitoSyncServer server) {
    return CognitoSyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
