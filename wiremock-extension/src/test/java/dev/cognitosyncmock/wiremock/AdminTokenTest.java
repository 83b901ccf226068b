package dev.cognitosyncmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin token guards the mock's admin API and WireMock's own, leaves the health check and the
 * Cognito Sync API itself alone, and a refused admin call changes nothing.
 */
class AdminTokenTest {
  static final String TOKEN = "s3cr3t-admin-token";
  static final String POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String LIST_RECORDS =
      "/identitypools/"
          + POOL
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings/records";
  final HttpClient http = HttpClient.newHttpClient();
  CognitoSyncServer server;

  @BeforeEach
  void start() {
    server =
        CognitoSyncServer.builder()
            .service(CognitoSyncService.builder().adminToken(TOKEN).build())
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> send(String method, String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMocksAdminApiRequiresTheBearerToken() throws Exception {
    HttpResponse<String> none = send("GET", "/__admin/cognito-sync/state", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.body()).contains("Bearer");
    assertThat(send("GET", "/__admin/cognito-sync/state", "Bearer wrong", null).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/__admin/cognito-sync/state", TOKEN, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/__admin/cognito-sync/state", "Bearer " + TOKEN, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void wireMocksOwnAdminApiRequiresTheBearerTokenToo() throws Exception {
    assertThat(send("GET", "/__admin/mappings", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/__admin/reset", null, null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/__admin/mappings", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/__admin/mappings", "Bearer " + TOKEN, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRefusedAdminCallChangesNothing() throws Exception {
    // seed through the API itself
    String seed =
        "{\"identityPools\":[{\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
            + "\"identities\":[{\"identityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
            + "\"datasets\":[{\"datasetName\":\"settings\",\"records\":[{\"key\":\"k\",\"value\":\"v\"}]}]}]}]}";
    assertThat(send("POST", "/__admin/cognito-sync/state", "Bearer " + TOKEN, seed).statusCode())
        .isEqualTo(200);
    var before = server.service().engine().exportState();
    assertThat(send("POST", "/__admin/cognito-sync/reset", null, null).statusCode()).isEqualTo(401);
    assertThat(
            send("PUT", "/__admin/cognito-sync/state", "Bearer nope", "{\"identityPools\":[]}")
                .statusCode())
        .isEqualTo(401);
    assertThat(server.service().engine().exportState()).isEqualTo(before);
    // WireMock's reset would drop the catch-all stub's siblings; refused, the mock still serves
    assertThat(send("POST", "/__admin/reset", "Bearer nope", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", LIST_RECORDS, null, null).body()).contains("\"Value\":\"v\"");
  }

  @Test
  void healthStaysOpenForContainerHealthChecks() throws Exception {
    assertThat(send("GET", "/__admin/health", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theCognitoSyncApiIsNotAnAdminRoute() throws Exception {
    assertThat(send("GET", LIST_RECORDS, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutATokenTheAdminApiIsOpen() throws Exception {
    try (CognitoSyncServer open = CognitoSyncServer.builder().build().start()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + open.port() + "/__admin/cognito-sync/state"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }
}
