package dev.cognitosyncmock.sdk;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/** The SDK calls the test suites share: a Sync client for a mock, one list, one write. */
public final class SdkCalls {
  private SdkCalls() {}

  /** A Sync client signing with {@code credentials}, without retries (a test sees every answer). */
  public static CognitoSyncClient syncClient(URI endpoint, AwsCredentials credentials) {
    return CognitoSyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  /** ListRecords of one dataset since {@code lastSyncCount}. */
  public static ListRecordsResponse list(
      CognitoSyncClient c, String pool, String identity, String dataset, long lastSyncCount) {
    return c.listRecords(
        r ->
            r.identityPoolId(pool)
                .identityId(identity)
                .datasetName(dataset)
                .lastSyncCount(lastSyncCount));
  }

  /** UpdateRecords replacing one record. */
  public static UpdateRecordsResponse put(
      CognitoSyncClient c,
      String pool,
      String identity,
      String dataset,
      String token,
      String key,
      String value,
      long syncCount) {
    return c.updateRecords(
        r ->
            r.identityPoolId(pool)
                .identityId(identity)
                .datasetName(dataset)
                .syncSessionToken(token)
                .recordPatches(
                    RecordPatch.builder()
                        .op(Operation.REPLACE)
                        .key(key)
                        .value(value)
                        .syncCount(syncCount)
                        .build()));
  }
}
