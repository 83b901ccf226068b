package dev.cognitosyncmock.examples.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import dev.cognitosyncmock.junit.ReceivedRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * WireMock's own stubs win over the mock: stub one answer (here an error the service can give) and
 * every other request still reaches the stateful mock. A WireMock scenario makes a stub answer only
 * the first time. The SDK's own retry policy absorbs throttling and 5xx errors before the
 * application sees them.
 */
@CognitoSyncTest
class WireMockStubsTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  /** UpdateRecords: POST /identitypools/{pool}/identities/{identity}/datasets/{dataset} */
  static final String UPDATE_RECORDS = "/identitypools/[^/]+/identities/[^/]+/datasets/settings";

  static final ResponseDefinitionBuilder THROTTLED =
      aResponse()
          .withStatus(429) // the model's status for this error; the SDK reads the type header
          .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
          .withBody("{\"message\":\"Rate exceeded\"}");

  @Test
  void throttlingIsRetriedByTheSdk(CognitoSyncClient client, CognitoSyncMock mock) {
    // throttled once: the scenario moves on after the first match, and the stub stops matching
    mock.wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_RECORDS))
                .inScenario("throttle once")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("done")
                .willReturn(THROTTLED));
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");

    SyncResult result = phone.sync();

    assertThat(result.pushed()).isEqualTo(1);
    assertThat(result.retries()).isZero(); // the application never saw the throttling
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(Map.of("theme", "dark"));
    assertThat(mock.requests("UpdateRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(429, 200);
  }

  @Test
  void throttlingBeyondTheSdkRetriesReachesTheApplication(
      CognitoSyncClient client, CognitoSyncMock mock) {
    StubMapping throttled =
        mock.wireMock().stubFor(post(urlPathMatching(UPDATE_RECORDS)).willReturn(THROTTLED));
    SettingsStore phone = new SettingsStore(client, POOL, USER);
    phone.put("theme", "dark");

    assertThatThrownBy(phone::sync).isInstanceOf(TooManyRequestsException.class);
    assertThat(mock.requests("UpdateRecords"))
        .hasSizeGreaterThan(1) // the SDK did retry
        .extracting(ReceivedRequest::status)
        .containsOnly(429);
    assertThat(phone.hasLocalChanges()).isTrue();
    assertThat(mock.values(POOL, USER, "settings")).isEmpty();

    mock.wireMock().removeStub(throttled); // the throttling is over
    phone.sync();
    assertThat(mock.values(POOL, USER, "settings")).isEqualTo(Map.of("theme", "dark"));
  }
}
