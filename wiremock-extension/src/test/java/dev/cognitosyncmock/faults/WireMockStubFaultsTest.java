package dev.cognitosyncmock.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cognitosyncmock.faults.FaultTestSupport.list;
import static dev.cognitosyncmock.faults.FaultTestSupport.put;
import static dev.cognitosyncmock.faults.FaultTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import dev.cognitosyncmock.wiremock.CognitoSyncWireMockExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * Faults compose with WireMock's own stubs and scenarios: a stub that names the extension's
 * transformer with fault parameters is answered by the stateful mock with that fault forced;
 * WireMock decides when (request matching, scenario states), the mock answers what.
 */
class WireMockStubFaultsTest {
  static final String UPDATE_PATH = ".*/datasets/settings";

  CognitoSyncServer server;
  CognitoSyncClient client;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
    client = FaultTestSupport.sdkWithoutRetries(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void B7_aStubNamingAnErrorIsAnsweredAsTheModelDefinesIt() throws Exception {
    // the JSON a user would POST to /__admin/mappings (docs/faults.md)
    HttpResponse<String> created =
        send(
            "POST",
            "http://127.0.0.1:" + server.port() + "/__admin/mappings",
            """
        {"request": {"method": "POST", "urlPathPattern": ".*/datasets/settings"},
         "response": {"transformers": ["cognito-sync"],
                      "transformerParameters": {"error": "TooManyRequestsException"}}}""");
    assertThat(created.statusCode()).isEqualTo(201);

    String token = list(client, "settings", 0).syncSessionToken(); // not matched: the mock
    assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
              assertThat(e.requestId()).isNotEmpty();
            });
    assertThat(list(client, "settings", 0).datasetExists()).isFalse();
  }

  @Test
  void aWireMockScenarioThrottlesTheFirstUpdateAndLetsTheSecondReachTheMock() {
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .inScenario("throttle once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("throttled")
                .willReturn(
                    aResponse()
                        .withTransformers(CognitoSyncWireMockExtension.NAME)
                        .withTransformerParameter("error", "TooManyRequestsException")));
    String token = list(client, "settings", 0).syncSessionToken();

    assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
        .isInstanceOf(TooManyRequestsException.class);
    // state "throttled": the stub no longer matches, the catch-all stateful mock answers
    assertThat(put(client, "settings", token, "theme", "dark", 0).records())
        .singleElement()
        .satisfies(r -> assertThat(r.syncCount()).isEqualTo(1));
  }

  @Test
  void C2_aStubCanForceARealConflict() {
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .inScenario("conflict once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done")
                .willReturn(
                    aResponse()
                        .withTransformers(CognitoSyncWireMockExtension.NAME)
                        .withTransformerParameter(
                            "cognitoSyncFault",
                            Map.of("conflict", Map.of("values", Map.of("theme", "light"))))));
    String token = list(client, "settings", 0).syncSessionToken();
    assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(list(client, "settings", 0).records())
        .singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo("light"));
  }

  @Test
  void aStubNamingAnErrorTheOperationDoesNotModelIsAConfigurationError() throws Exception {
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .willReturn(
                    aResponse()
                        .withTransformers(CognitoSyncWireMockExtension.NAME)
                        .withTransformerParameter("error", "AlreadyStreamedException")));
    String url =
        "http://127.0.0.1:"
            + server.port()
            + "/identitypools/"
            + FaultTestSupport.POOL.replace(":", "%3A")
            + "/identities/"
            + FaultTestSupport.IDENTITY.replace(":", "%3A")
            + "/datasets/settings";
    HttpResponse<String> r = send("POST", url, "{\"SyncSessionToken\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("UpdateRecords does not model AlreadyStreamedException");
    server.wireMock().resetAll();
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .willReturn(
                    aResponse()
                        .withTransformers(CognitoSyncWireMockExtension.NAME)
                        .withTransformerParameter("error", "NoSuchException")));
    assertThat(send("POST", url, "{}").body()).contains("Unknown error 'NoSuchException'");
  }

  @Test
  void aStubWithoutFaultParametersIsSimplyTheMock() {
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .willReturn(
                    aResponse()
                        .withTransformers(CognitoSyncWireMockExtension.NAME)
                        .withTransformerParameter("unrelated", "value")));
    String token = list(client, "settings", 0).syncSessionToken();
    assertThat(put(client, "settings", token, "k", "v", 0).records()).hasSize(1);
  }

  @Test
  void faultRulesStillApplyToCallsAStubSendsToTheMock() {
    server
        .service()
        .faults()
        .add(FaultRule.on("UpdateRecords").nthCall(1).error(ErrorShape.InternalErrorException));
    server
        .wireMock()
        .stubFor(
            post(urlPathMatching(UPDATE_PATH))
                .willReturn(aResponse().withTransformers(CognitoSyncWireMockExtension.NAME)));
    String token = list(client, "settings", 0).syncSessionToken();
    assertThatThrownBy(() -> put(client, "settings", token, "k", "v", 0))
        .isInstanceOf(
            software.amazon.awssdk.services.cognitosync.model.InternalErrorException.class);
    assertThat(put(client, "settings", token, "k", "v", 0).records()).hasSize(1);
  }
}
