package dev.cognitosyncmock.junit.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.net.URI;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by {@link StartupBenchmark} only: {@value #TESTS} tests of one request each, so that the time
 * per test is the extension's reset between tests plus one request.
 */
final class ResetCostSubjects {
  static final int TESTS = 300;

  private ResetCostSubjects() {}

  /** The mock: state, faults and WireMock's journal reset before every test. */
  @CognitoSyncTest
  static class Mock {
    @RepeatedTest(TESTS)
    void oneRequest(CognitoSyncMock mock) throws Exception {
      assertThat(BenchRequests.rawListRecords(mock.endpoint())).isEqualTo(200);
    }
  }

  /** WireMock's extension, which resets its stubs and journal before every test, and one stub. */
  static class WireMock {
    @RegisterExtension
    static WireMockExtension wm =
        WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RepeatedTest(TESTS)
    void oneRequest() throws Exception {
      wm.stubFor(
          get(urlPathMatching("/identitypools/.*/records"))
              .willReturn(okJson(BenchRequests.LIST_RECORDS_BODY)));
      assertThat(BenchRequests.rawListRecords(URI.create(wm.baseUrl()))).isEqualTo(200);
    }
  }
}
