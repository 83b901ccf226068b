package dev.cognitosyncmock.junit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** Run by {@link StartupBenchmark} only (not a *Test, so surefire leaves it alone). */
@CognitoSyncTest
class CognitoSyncStartupSubject {
  @Test
  void firstRequest(CognitoSyncMock mock) throws Exception {
    if (BenchRequests.useSdk()) {
      // resolved here rather than as a parameter only so one class serves both variants
      CognitoSyncClient sync =
          CognitoSyncClient.builder()
              .endpointOverride(mock.endpoint())
              .region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .credentialsProvider(
                  software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                      software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
              .build();
      sync.listRecords(
          r ->
              r.identityPoolId(BenchRequests.POOL)
                  .identityId(BenchRequests.ID)
                  .datasetName("prefs"));
      StartupTiming.answered();
      sync.close();
    } else {
      assertThat(BenchRequests.rawListRecords(mock.endpoint())).isEqualTo(200);
      StartupTiming.answered();
    }
  }
}
