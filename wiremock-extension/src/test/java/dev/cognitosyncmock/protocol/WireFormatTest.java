package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What goes over the wire, checked byte by byte with a plain HTTP client: the things CLIENTS.md
 * says real clients send, and what they depend on in responses (SEMANTICS A1-A4, A6).
 */
class WireFormatTest {
  static final String P = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String I = "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String DS = "/identitypools/" + P + "/identities/" + I + "/datasets/";

  static CognitoSyncServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.service().engine().reset();
  }

  @Test
  void A2_percentEncodedLabelsAreDecodedBeforeUse() throws Exception {
    HttpResponse<String> r = send("GET", DS + "game%3Asave.1/records", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    String token = json(r).get("SyncSessionToken").asString();
    send(
        "POST",
        DS + "game%3Asave.1",
        "{\"SyncSessionToken\":\""
            + token
            + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}",
        null);
    JsonNode listed =
        json(send("GET", "/identitypools/" + P + "/identities/" + I + "/datasets", null, null));
    assertThat(listed.get("Datasets").get(0).get("DatasetName").asString())
        .isEqualTo("game:save.1");
    assertThat(listed.get("Datasets").get(0).get("IdentityId").asString())
        .isEqualTo("us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  }

  @Test
  void A3_A4_fractionalEpochSecondsInAreEchoedAsEpochSecondNumbers() throws Exception {
    String token =
        json(send("GET", DS + "settings/records", null, null)).get("SyncSessionToken").asString();
    HttpResponse<String> r =
        send(
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\""
                + token
                + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,"
                + "\"DeviceLastModifiedDate\":1700574873.059}]}",
            null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"DeviceLastModifiedDate\":1700574873.059");
    JsonNode record = json(r).get("Records").get(0);
    assertThat(record.get("LastModifiedDate").isNumber()).isTrue();
    assertThat(r.body()).containsPattern("\"LastModifiedDate\":\\d{10}(\\.\\d{1,3})?[,}]");
    // seconds, not milliseconds: within a day of now
    assertThat(record.get("LastModifiedDate").asDouble())
        .isCloseTo(
            System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(86400.0));
    HttpResponse<String> integer =
        send(
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\""
                + token
                + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k2\",\"Value\":\"v\",\"SyncCount\":0,"
                + "\"DeviceLastModifiedDate\":1614834367}]}",
            null);
    assertThat(integer.body()).contains("\"DeviceLastModifiedDate\":1614834367");
  }

  @Test
  void A6_listRecordsAndListDatasetsCarryEveryMemberClientsDereference() throws Exception {
    JsonNode records = json(send("GET", DS + "never/records", null, null));
    assertThat(records.has("Records")).isTrue();
    assertThat(records.has("Count")).isTrue();
    assertThat(records.has("DatasetSyncCount")).isTrue();
    assertThat(records.has("DatasetExists")).isTrue();
    assertThat(records.has("DatasetDeletedAfterRequestedSyncCount")).isTrue();
    JsonNode datasets =
        json(send("GET", "/identitypools/" + P + "/identities/" + I + "/datasets", null, null));
    assertThat(datasets.has("Datasets")).isTrue();
    assertThat(datasets.has("Count")).isTrue();
    String token =
        json(send("GET", DS + "settings/records", null, null)).get("SyncSessionToken").asString();
    JsonNode update =
        json(send("POST", DS + "settings", "{\"SyncSessionToken\":\"" + token + "\"}", null));
    assertThat(update.get("Records").isArray()).isTrue();
  }

  @ParameterizedTest(name = "empty body as {0}")
  @ValueSource(strings = {"", "{}", "  "})
  void emptyBodiesAndEmptyObjectsMeanTheSame(String body) throws Exception {
    assertThat(send("POST", "/identitypools/" + P + "/bulkpublish", body, null).statusCode())
        .isEqualTo(200);
    assertThat(
            send("POST", "/identitypools/" + P + "/getBulkPublishDetails", body, "application/json")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void A1_malformedJsonIs400SerializationExceptionAndChangesNothing() throws Exception {
    String token =
        json(send("GET", DS + "settings/records", null, null)).get("SyncSessionToken").asString();
    byte[] before = Json.MAPPER.writeValueAsBytes(server.service().engine().exportState());
    for (String bad : new String[] {"{\"SyncSessionToken\":", "[1,2]", "\"text\"", "{\"a\":1}}"}) {
      HttpResponse<String> r = send("POST", DS + "settings", bad, null);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
      assertThat(json(r).get("message").asString()).isNotBlank();
    }
    assertThat(token).isNotBlank();
    assertThat(Json.MAPPER.writeValueAsBytes(server.service().engine().exportState()))
        .isEqualTo(before);
  }

  @Test
  void unknownRoutesAnswerClear4xx() throws Exception {
    HttpResponse<String> unknown = send("GET", "/identitypools/" + P + "/nothing-here", null, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException");
    assertThat(unknown.headers().firstValue("x-amzn-RequestId")).isPresent();
    HttpResponse<String> wrongMethod = send("PUT", DS + "settings", "{}", null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(json(wrongMethod).get("message").asString()).contains("PUT");
  }

  @Test
  void A1_errorsCarryTypeHeaderRequestIdAndPlainMessageWithoutStackTrace() throws Exception {
    HttpResponse<String> r =
        send("GET", "/identitypools/" + P + "/identities/" + I + "/datasets/missing", null, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(r);
    assertThat(body.propertyNames()).containsExactly("message");
    assertThat(r.body()).doesNotContain("Exception:").doesNotContain("\tat ");
  }

  @Test
  void responsesDoNotGiveAwayWireMock() throws Exception {
    HttpResponse<String> r = send("GET", DS + "settings/records", null, null);
    assertThat(r.headers().map().keySet())
        .noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
  }

  @Test
  void C5_headersAreReadCaseInsensitivelyAndSessionCredentialsActAsTheIdentity() throws Exception {
    String token =
        json(send("GET", DS + "settings/records", null, null)).get("SyncSessionToken").asString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.endpoint() + DS + "settings"))
            .header("x-amz-client-context", "e30=")
            .header("X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"SyncSessionToken\":\""
                        + token
                        + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}"))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("Records").get(0).get("LastModifiedBy").asString())
        .isEqualTo("us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  }

  @Test
  void deleteWithoutBodyOrContentLengthIsServed() throws Exception {
    server
        .service()
        .engine()
        .putRecords(
            dev.cognitosyncmock.engine.Caller.developer(),
            new dev.cognitosyncmock.engine.DatasetKey(
                "us-east-1:11111111-2222-3333-4444-555555555555",
                "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                "settings"),
            java.util.Map.of("k", "v"));
    HttpResponse<String> r = send("DELETE", DS + "settings", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("Dataset").get("DatasetName").asString()).isEqualTo("settings");
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  static HttpResponse<String> send(String method, String path, String body, String contentType)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
