package dev.cognitosyncmock.junit.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** The baseline: WireMock's own extension and one stub, the same request as the mock gets. */
class WireMockStartupSubject {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void firstRequest() throws Exception {
    wm.stubFor(
        get(urlPathMatching("/identitypools/.*/records"))
            .willReturn(okJson(BenchRequests.LIST_RECORDS_BODY)));
    URI endpoint = URI.create(wm.baseUrl());
    if (BenchRequests.useSdk()) {
      CognitoSyncClient sync =
          CognitoSyncClient.builder()
              .endpointOverride(endpoint)
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
      assertThat(BenchRequests.rawListRecords(endpoint)).isEqualTo(200);
      StartupTiming.answered();
    }
  }
}
