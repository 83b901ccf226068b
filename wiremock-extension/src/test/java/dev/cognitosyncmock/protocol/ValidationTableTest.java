package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * SEMANTICS A5: one row per constraint kind the model uses (length, pattern, enum, required, query
 * values of the wrong type, map size), sent raw so no SDK validates first. Body members of the
 * wrong JSON type are A8 (SerializationException): {@link BodyTypeCheckTest}. Each must answer 400
 * InvalidParameterException naming the member and the rule, and change no state.
 */
class ValidationTableTest {
  static final String P = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String I = "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String DS = "/identitypools/" + P + "/identities/" + I + "/datasets/";

  static CognitoSyncServer server;
  static final HttpClient http = HttpClient.newHttpClient();
  static String validToken;

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void seed() throws Exception {
    SyncEngine engine = server.service().engine();
    engine.reset();
    engine.putRecords(
        dev.cognitosyncmock.engine.Caller.developer(),
        new dev.cognitosyncmock.engine.DatasetKey(
            "us-east-1:11111111-2222-3333-4444-555555555555",
            "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            "settings"),
        Map.of("k", "v"));
    JsonNode listed = Json.MAPPER.readTree(send("GET", DS + "settings/records", null).body());
    validToken = listed.get("SyncSessionToken").asString();
  }

  static Stream<Arguments> violations() {
    String longName = "x".repeat(129);
    return Stream.of(
        Arguments.of(
            "length: DatasetName over 128",
            "GET",
            DS + longName + "/records",
            null,
            "'DatasetName'",
            "have length less than or equal to 128"),
        Arguments.of(
            "length: IdentityId over 55",
            "GET",
            "/identitypools/" + P + "/identities/us-east-1%3A" + "a".repeat(60) + "/datasets",
            null,
            "'IdentityId'",
            "have length less than or equal to 55"),
        Arguments.of(
            "length: RecordKey empty",
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\"TOKEN\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"\",\"Value\":\"v\",\"SyncCount\":1}]}",
            "'RecordPatches.1.Key'",
            "have length greater than or equal to 1"),
        Arguments.of(
            "length: DeviceId over 256",
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\"TOKEN\",\"DeviceId\":\"" + "d".repeat(257) + "\"}",
            "'DeviceId'",
            "have length less than or equal to 256"),
        Arguments.of(
            "pattern: IdentityPoolId without colon",
            "GET",
            "/identitypools/nocolon/identities/" + I + "/datasets",
            null,
            "'IdentityPoolId'",
            "satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"),
        Arguments.of(
            "pattern: DatasetName with a space",
            "GET",
            DS + "bad%20name%21/records",
            null,
            "'DatasetName'",
            "satisfy regular expression pattern: [a-zA-Z0-9_.:-]+"),
        Arguments.of(
            "pattern: RoleArn",
            "POST",
            "/identitypools/" + P + "/configuration",
            "{\"CognitoStreams\":{\"RoleArn\":\"arn:aws:iam::notanumber:role/x\"}}",
            "'CognitoStreams.RoleArn'",
            "satisfy regular expression pattern"),
        Arguments.of(
            "enum: Op",
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\"TOKEN\",\"RecordPatches\":[{\"Op\":\"upsert\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":1}]}",
            "'RecordPatches.1.Op'",
            "satisfy enum value set: [replace, remove]"),
        Arguments.of(
            "enum: Platform",
            "POST",
            "/identitypools/" + P + "/identity/" + I + "/device",
            "{\"Platform\":\"WINDOWS\",\"Token\":\"t\"}",
            "'Platform'",
            "satisfy enum value set: [APNS, APNS_SANDBOX, GCM, ADM]"),
        Arguments.of(
            "enum: StreamingStatus",
            "POST",
            "/identitypools/" + P + "/configuration",
            "{\"CognitoStreams\":{\"StreamingStatus\":\"ON\"}}",
            "'CognitoStreams.StreamingStatus'",
            "satisfy enum value set: [ENABLED, DISABLED]"),
        Arguments.of(
            "required: SyncSessionToken",
            "POST",
            DS + "settings",
            "{\"RecordPatches\":[]}",
            "'SyncSessionToken'",
            "not be null"),
        Arguments.of(
            "required: RecordPatch.Key",
            "POST",
            DS + "settings",
            "{\"SyncSessionToken\":\"TOKEN\",\"RecordPatches\":[{\"Op\":\"replace\",\"Value\":\"v\",\"SyncCount\":1}]}",
            "'RecordPatches.1.Key'",
            "not be null"),
        Arguments.of(
            "required: RegisterDevice Token",
            "POST",
            "/identitypools/" + P + "/identity/" + I + "/device",
            "{\"Platform\":\"GCM\"}",
            "'Token'",
            "not be null"),
        Arguments.of(
            "type: lastSyncCount not a number",
            "GET",
            DS + "settings/records?lastSyncCount=abc",
            null,
            "'LastSyncCount'",
            "be of type integer"),
        Arguments.of(
            "type: maxResults not a number",
            "GET",
            "/identitypools/" + P + "/identities/" + I + "/datasets?maxResults=ten",
            null,
            "'MaxResults'",
            "be of type integer"),
        Arguments.of(
            "map size: two Cognito events",
            "POST",
            "/identitypools/" + P + "/events",
            "{\"Events\":{\"SyncTrigger\":\"arn:aws:lambda:us-east-1:123456789012:function:a\",\"Other\":\"x\"}}",
            "'Events'",
            "have at most 1 entries"));
  }

  @ParameterizedTest(name = "A5 {0}")
  @MethodSource("violations")
  void A5_violationAnswers400NamingMemberAndRuleAndChangesNothing(
      String label, String method, String path, String body, String member, String rule)
      throws Exception {
    byte[] before = stateDocument();
    HttpResponse<String> response =
        send(method, path, body == null ? null : body.replace("TOKEN", validToken));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidParameterException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    String message = Json.MAPPER.readTree(response.body()).get("message").asString();
    assertThat(message).contains(member).contains(rule);
    assertThat(stateDocument()).isEqualTo(before);
  }

  private static byte[] stateDocument() {
    return Json.MAPPER.writeValueAsBytes(server.service().engine().exportState());
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
