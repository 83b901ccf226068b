package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.schemas.Location;
import dev.cognitosyncmock.schemas.MemberBinding;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * SEMANTICS A8: a body member of a JSON type that cannot be bound to the modeled type answers 400
 * SerializationException naming the member, decided from the model for every operation, and changes
 * nothing. Sent raw: the AWS SDKs refuse to send a wrong type.
 */
class BodyTypeCheckTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String ID = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String DS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings";
  static final ServiceModel MODEL = ServiceModel.load();

  static CognitoSyncServer server;
  static final HttpClient http = HttpClient.newHttpClient();
  static String token;

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
    server.service().engine().reset();
    server
        .service()
        .engine()
        .putRecords(Caller.developer(), new DatasetKey(POOL, ID, "settings"), Map.of("k", "v"));
    token =
        Json.MAPPER
            .readTree(send("GET", DS + "/records", null).body())
            .get("SyncSessionToken")
            .asString();
  }

  /** Every body member of every operation, given a value of the wrong JSON type. */
  static Stream<Arguments> everyBodyMemberOfEveryOperation() {
    List<Arguments> rows = new ArrayList<>();
    for (OperationModel op : MODEL.operations()) {
      for (MemberBinding member : op.inputMembers(Location.BODY)) {
        rows.add(Arguments.of(op.name(), member.member(), member.type()));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "A8 {0}.{1} ({2}) of the wrong JSON type")
  @MethodSource("everyBodyMemberOfEveryOperation")
  void A8_everyBodyMemberOfTheWrongJsonTypeIsASerializationException(
      String operation, String member, String type) throws Exception {
    OperationModel op = MODEL.operation(operation);
    String wrong =
        switch (type) {
          case "string" -> "42";
          case "list" -> "{\"not\": \"a list\"}";
          case "structure", "map" -> "[\"not an object\"]";
          default -> "\"not a number\"";
        };
    assertSerializationException(
        op.method(), path(op), "{\"" + member + "\": " + wrong + "}", "'" + member + "'");
  }

  static Stream<Arguments> nestedMembers() {
    String patch =
        "{\"SyncSessionToken\": \"TOKEN\", \"RecordPatches\": [{\"Op\": \"replace\","
            + " \"Key\": \"k\", \"Value\": \"v\", \"SyncCount\": 1%s}]}";
    return Stream.of(
        // the real service's answer to a PHP client sending a date string [I7]
        Arguments.of(
            "DeviceLastModifiedDate an ISO string",
            "POST",
            DS,
            patch.formatted(", \"DeviceLastModifiedDate\": \"2024-01-01T00:00:00Z\""),
            "'RecordPatches.1.DeviceLastModifiedDate'",
            "epoch seconds"),
        Arguments.of(
            "SyncCount a string",
            "POST",
            DS,
            patch.replace("\"SyncCount\": 1", "\"SyncCount\": \"1\"").formatted(""),
            "'RecordPatches.1.SyncCount'",
            "found a string"),
        Arguments.of(
            "SyncCount a fraction",
            "POST",
            DS,
            patch.replace("\"SyncCount\": 1", "\"SyncCount\": 1.5").formatted(""),
            "'RecordPatches.1.SyncCount'",
            "found the number 1.5"),
        Arguments.of(
            "Value a number",
            "POST",
            DS,
            patch.replace("\"Value\": \"v\"", "\"Value\": 7").formatted(""),
            "'RecordPatches.1.Value'",
            "expected a JSON string"),
        Arguments.of(
            "Op a boolean",
            "POST",
            DS,
            patch.replace("\"Op\": \"replace\"", "\"Op\": true").formatted(""),
            "'RecordPatches.1.Op'",
            "found a boolean"),
        Arguments.of(
            "a patch that is not an object",
            "POST",
            DS,
            "{\"SyncSessionToken\": \"TOKEN\", \"RecordPatches\": [\"replace k\"]}",
            "'RecordPatches.1'",
            "expected a JSON object"),
        Arguments.of(
            "ApplicationArns an object",
            "POST",
            "/identitypools/" + enc(POOL) + "/configuration",
            "{\"PushSync\": {\"ApplicationArns\": {\"arn\": 1}}}",
            "'PushSync.ApplicationArns'",
            "expected a JSON array"),
        Arguments.of(
            "an ApplicationArn a number",
            "POST",
            "/identitypools/" + enc(POOL) + "/configuration",
            "{\"PushSync\": {\"ApplicationArns\": [\"arn:aws:sns:us-east-1:123456789012:app/GCM/a\", 5]}}",
            "'PushSync.ApplicationArns.2'",
            "expected a JSON string"),
        Arguments.of(
            "StreamName a number",
            "POST",
            "/identitypools/" + enc(POOL) + "/configuration",
            "{\"CognitoStreams\": {\"StreamName\": 12}}",
            "'CognitoStreams.StreamName'",
            "expected a JSON string"),
        // the A9 erratum is seen by binding: without it the member would be ignored as unknown
        Arguments.of(
            "DisabledReason (A9 erratum) a number",
            "POST",
            "/identitypools/" + enc(POOL) + "/configuration",
            "{\"CognitoStreams\": {\"DisabledReason\": 12}}",
            "'CognitoStreams.DisabledReason'",
            "expected a JSON string"),
        Arguments.of(
            "an event's Lambda ARN a number",
            "POST",
            "/identitypools/" + enc(POOL) + "/events",
            "{\"Events\": {\"SyncTrigger\": 3}}",
            "'Events.SyncTrigger'",
            "expected a JSON string"));
  }

  @ParameterizedTest(name = "A8 {0}")
  @MethodSource("nestedMembers")
  void A8_nestedMemberOfTheWrongJsonTypeIsASerializationExceptionNamingItsPath(
      String label, String method, String path, String body, String member, String detail)
      throws Exception {
    String message =
        assertSerializationException(method, path, body.replace("TOKEN", token), member);
    assertThat(message).contains(detail);
  }

  @Test
  void A8_wellTypedValuesThatBreakAConstraintStayInvalidParameterException() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            DS,
            "{\"SyncSessionToken\": \""
                + token
                + "\", "
                + "\"RecordPatches\": [{\"Op\": \"upsert\", \"Key\": \"k\", \"Value\": \"v\", \"SyncCount\": 1}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterException");
    HttpResponse<String> negative =
        send(
            "POST",
            DS,
            "{\"SyncSessionToken\": \""
                + token
                + "\", "
                + "\"RecordPatches\": [{\"Op\": \"replace\", \"Key\": \"k\", \"Value\": \"v\", \"SyncCount\": -1}]}");
    assertThat(negative.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidParameterException");
  }

  @Test
  void A8_nonNumericQueryValuesStayInvalidParameterException() throws Exception {
    HttpResponse<String> r = send("GET", DS + "/records?lastSyncCount=abc", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterException");
    assertThat(message(r)).contains("'LastSyncCount'");
  }

  @Test
  void A8_wellTypedInputStillWorks() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            DS,
            "{\"SyncSessionToken\": \""
                + token
                + "\", "
                + "\"RecordPatches\": [{\"Op\": \"replace\", \"Key\": \"k\", \"Value\": \"w\", \"SyncCount\": 1.0,"
                + " \"DeviceLastModifiedDate\": 1700574873.059}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(r.body()).at("/Records/0/SyncCount").asLong()).isEqualTo(2);
  }

  private static String assertSerializationException(
      String method, String path, String body, String member) throws Exception {
    byte[] before = Json.MAPPER.writeValueAsBytes(server.service().engine().exportState());
    HttpResponse<String> r = send(method, path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
    String message = message(r);
    assertThat(message).contains(member).doesNotContain("java.", "Exception:");
    assertThat(Json.MAPPER.writeValueAsBytes(server.service().engine().exportState()))
        .isEqualTo(before);
    return message;
  }

  private static String path(OperationModel op) {
    return op.requestUri()
        .replace("{IdentityPoolId}", enc(POOL))
        .replace("{IdentityId}", enc(ID))
        .replace("{DatasetName}", "settings")
        .replace("{DeviceId}", "device-1");
  }

  private static String enc(String id) {
    return id.replace(":", "%3A");
  }

  private static String message(HttpResponse<String> r) {
    JsonNode body = Json.MAPPER.readTree(r.body());
    return body.get("message").asString();
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
