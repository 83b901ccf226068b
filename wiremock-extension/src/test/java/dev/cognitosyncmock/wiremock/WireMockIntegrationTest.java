package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The extension inside WireMock: user stubs win, resets keep it, and WireMock can load it. */
class WireMockIntegrationTest {
  static final String LIST_RECORDS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings/records";
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aUserStubOfHigherPriorityWinsAndRemovingItRestoresTheMock() throws Exception {
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      var stub =
          server
              .wireMock()
              .stubFor(
                  com.github.tomakehurst.wiremock.client.WireMock.get(
                          urlPathMatching(".*/datasets/settings/records"))
                      .willReturn(
                          aResponse()
                              .withStatus(429)
                              .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                              .withBody("{\"message\":\"Rate exceeded\"}")));
      assertThat(get(server.port(), LIST_RECORDS).statusCode()).isEqualTo(429);
      server.wireMock().removeStub(stub);
      assertThat(get(server.port(), LIST_RECORDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void resetAllKeepsTheMockServing() throws Exception {
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      server.wireMock().resetAll();
      assertThat(get(server.port(), LIST_RECORDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void loadsByClassNameAsTheStandaloneRunnersExtensionsFlagDoes() throws Exception {
    WireMockServer wm =
        new WireMockServer(
            options()
                .dynamicPort()
                .extensions("dev.cognitosyncmock.wiremock.CognitoSyncWireMockExtension"));
    wm.start();
    try {
      HttpResponse<String> r = get(wm.port(), LIST_RECORDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("SyncSessionToken");
    } finally {
      wm.stop();
    }
  }

  @Test
  void loadsByServiceLoadingWhenExtensionScanningIsOn() throws Exception {
    WireMockServer wm = new WireMockServer(options().dynamicPort().extensionScanningEnabled(true));
    wm.start();
    try {
      assertThat(get(wm.port(), LIST_RECORDS).statusCode()).isEqualTo(200);
    } finally {
      wm.stop();
    }
  }

  @Test
  void adminApiResetsExportsAndImportsState() throws Exception {
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      String base = "http://localhost:" + server.port() + "/__admin/cognito-sync";
      String doc =
          "{\"identityPools\":[{\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
              + "\"identities\":[{\"identityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
              + "\"datasets\":[{\"datasetName\":\"settings\",\"records\":[{\"key\":\"theme\",\"value\":\"dark\"}]}]}]}]}";
      assertThat(send("POST", base + "/state", doc).statusCode()).isEqualTo(200);
      HttpResponse<String> listed = get(server.port(), LIST_RECORDS);
      assertThat(listed.body())
          .contains("\"Key\":\"theme\"")
          .contains("\"Value\":\"dark\"")
          .contains("\"DatasetSyncCount\":1");
      HttpResponse<String> exported = send("GET", base + "/state", null);
      assertThat(exported.body())
          .contains("\"datasetName\":\"settings\"")
          .contains("\"syncCount\":1");
      assertThat(send("POST", base + "/reset", "").statusCode()).isEqualTo(200);
      assertThat(get(server.port(), LIST_RECORDS).body()).contains("\"DatasetExists\":false");
      assertThat(send("POST", base + "/state", "{not json").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void E5_adminApiMergesIdentities() throws Exception {
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      String pool = "us-east-1:11111111-2222-3333-4444-555555555555";
      String absorbed = "us-east-1:00000000-0000-0000-0000-000000000002";
      server
          .service()
          .engine()
          .putRecords(
              dev.cognitosyncmock.engine.Caller.developer(),
              new dev.cognitosyncmock.engine.DatasetKey(pool, absorbed, "settings"),
              java.util.Map.of("k", "v"));
      String base = "http://localhost:" + server.port() + "/__admin/cognito-sync";
      HttpResponse<String> merged =
          send(
              "POST",
              base + "/merges",
              "{\"IdentityPoolId\":\""
                  + pool
                  + "\",\"SurvivorIdentityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
                  + "\"AbsorbedIdentityId\":\""
                  + absorbed
                  + "\"}");
      assertThat(merged.statusCode()).isEqualTo(200);
      assertThat(merged.body()).contains("settings." + absorbed);
      assertThat(get(server.port(), LIST_RECORDS).body()).contains("settings." + absorbed);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return send("GET", "http://localhost:" + port + path, null);
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
