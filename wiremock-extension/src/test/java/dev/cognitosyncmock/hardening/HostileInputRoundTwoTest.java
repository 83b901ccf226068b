package dev.cognitosyncmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The defects an independent attack found (500s, a write committed by a 500 that broke its dataset,
 * refused calls that registered pools, paging that broke on unusual keys, parser internals in
 * messages), each with its input, over real HTTP (A1, A5, B6, C7).
 */
class HostileInputRoundTwoTest {
  static final String POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String D = "/identitypools/" + POOL + IDENTITY + "/datasets";
  CognitoSyncServer server;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  RawHttp.Response get(String target) throws Exception {
    return RawHttp.send(server.port(), "GET", target, List.of(), null);
  }

  RawHttp.Response send(String method, String target, String body) throws Exception {
    return RawHttp.send(
        server.port(),
        method,
        target,
        List.of(),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(RawHttp.Response r) {
    return Json.MAPPER.readTree(r.body());
  }

  String token(String dataset) throws Exception {
    RawHttp.Response r = get(D + "/" + dataset + "/records");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    return json(r).get("SyncSessionToken").asString();
  }

  RawHttp.Response update(String dataset, String patches) throws Exception {
    return send(
        "POST",
        D + "/" + dataset,
        "{\"SyncSessionToken\":\"" + token(dataset) + "\",\"RecordPatches\":[" + patches + "]}");
  }

  static String patch(String key, long syncCount, String extra) {
    return "{\"Op\":\"replace\",\"Key\":\""
        + key
        + "\",\"Value\":\"v\",\"SyncCount\":"
        + syncCount
        + extra
        + "}";
  }

  // ---- defect 1 and 2: numbers the engine cannot represent ----

  @Test
  void A5_aDeviceLastModifiedDateAtInstantMaxIsRefusedBeforeAnythingIsWritten() throws Exception {
    String token = token("d1");
    EngineSnapshot before = server.service().engine().exportState();
    RawHttp.Response r =
        send(
            "POST",
            D + "/d1",
            "{\"SyncSessionToken\":\""
                + token
                + "\",\"RecordPatches\":["
                + patch("k", 0, ",\"DeviceLastModifiedDate\":31556889864403199")
                + "]}");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidParameterException");
    assertThat(json(r).get("message").asString())
        .startsWith("1 validation error detected: Value '")
        .contains(
            "at 'RecordPatches.1.DeviceLastModifiedDate' failed to satisfy constraint: Member"
                + " must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z");
    // nothing written, and the dataset still reads
    assertThat(server.service().engine().exportState()).isEqualTo(before);
    RawHttp.Response list = get(D + "/d1/records");
    assertThat(list.status()).isEqualTo(200);
    assertThat(json(list).get("Records")).isEmpty();
  }

  @ParameterizedTest(name = "A5 DeviceLastModifiedDate {0} is 400 InvalidParameterException")
  @ValueSource(
      strings = {
        "1e20",
        "-1e20",
        "9223372036854775807",
        "-9223372036854775808",
        "31556889864403200",
        "-31557014167219201",
        "253402300800",
        "-62135596801",
        "1e308",
        "-1e308",
        "1e999999"
      })
  void A5_outOfRangeTimestampsAreValidationErrors(String value) throws Exception {
    RawHttp.Response r = update("d2", patch("k", 0, ",\"DeviceLastModifiedDate\":" + value));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidParameterException");
    assertThat(json(r).get("message").asString())
        .startsWith("1 validation error detected")
        .contains("RecordPatches.1.DeviceLastModifiedDate");
    assertThat(json(get(D + "/d2/records")).get("Records")).isEmpty();
  }

  @ParameterizedTest(name = "A5 SyncCount {0} is 400 InvalidParameterException")
  @ValueSource(
      strings = {
        "1e19",
        "-1e19",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999999999"
      })
  void A5_syncCountsBeyond64BitsAreValidationErrors(String value) throws Exception {
    RawHttp.Response r =
        send(
            "POST",
            D + "/d3",
            "{\"SyncSessionToken\":\""
                + token("d3")
                + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":"
                + value
                + "}]}");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidParameterException");
    assertThat(json(r).get("message").asString()).contains("RecordPatches.1.SyncCount");
  }

  /** 1e999999 overflows to infinity, which is no integer: a type error (A8), never a 500. */
  @Test
  void A8_aSyncCountThatOverflowsToInfinityIsRefused() throws Exception {
    RawHttp.Response r =
        update("d3", patch("k", 0, "").replace("\"SyncCount\":0", "\"SyncCount\":1e999999"));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType"))
        .isIn("SerializationException", "InvalidParameterException");
    assertThat(json(get(D + "/d3/records")).get("Records")).isEmpty();
  }

  @Test
  void A3_timestampsAtTheEdgesOfTheRangeAreStoredAndReadBack() throws Exception {
    assertThat(
            update(
                    "d4",
                    patch("lo", 0, ",\"DeviceLastModifiedDate\":-62135596800")
                        + ","
                        + patch("hi", 0, ",\"DeviceLastModifiedDate\":253402300799.999"))
                .status())
        .isEqualTo(200);
    JsonNode records = json(get(D + "/d4/records")).get("Records");
    assertThat(records).hasSize(2);
    assertThat(records.findValuesAsString("Key")).containsExactlyInAnyOrder("lo", "hi");
    assertThat(server.service().admin().handle("GET", "/cognito-sync/state", null).status())
        .isEqualTo(200);
  }

  // ---- defect 3: a refused request registers nothing ----

  static final String NEW_POOL = "us-east-1%3A99999999-0000-0000-0000-000000000000";
  static final String NEW = "/identitypools/" + NEW_POOL + IDENTITY;

  @Test
  void A5_refusedRequestsOnANeverSeenPoolRegisterNothing() throws Exception {
    EngineSnapshot before = server.service().engine().exportState();
    List<RawHttp.Response> refused = new ArrayList<>();
    refused.add(get(NEW + "/datasets/never")); // DescribeDataset 404
    refused.add(send("DELETE", NEW + "/datasets/never", null)); // DeleteDataset 404
    refused.add(send("POST", NEW + "/datasets/never/subscriptions/dev1", null)); // 404
    refused.add(send("DELETE", NEW + "/datasets/never/subscriptions/dev1", null)); // 404
    // a token for the new pool's dataset comes from ListRecords, which registers the pool: take
    // it from a twin server with the same engine rules instead
    String token;
    try (CognitoSyncServer twin = CognitoSyncServer.builder().build().start()) {
      RawHttp.Response r =
          RawHttp.send(twin.port(), "GET", NEW + "/datasets/d/records", List.of(), null);
      token = json(r).get("SyncSessionToken").asString();
    }
    refused.add(
        send(
            "POST",
            NEW + "/datasets/d",
            "{\"SyncSessionToken\":\""
                + token
                + "\",\"RecordPatches\":["
                + patch("k", 5, "")
                + "]}")); // 409
    refused.add(
        send(
            "POST",
            "/identitypools/"
                + NEW_POOL
                + "/identity/"
                + IDENTITY.substring("/identities/".length())
                + "/device",
            "{\"Platform\":\"GCM\",\"Token\":\"t\"}")); // 400: no push sync
    for (RawHttp.Response r : refused) {
      assertThat(r.status()).as(r.bodyText()).isBetween(400, 499);
    }
    assertThat(refused.get(4).status()).isEqualTo(409);
    assertThat(
            server
                .service()
                .engine()
                .hasIdentityPool("us-east-1:99999999-0000-0000-0000-000000000000"))
        .isFalse();
    assertThat(json(get("/identitypools")).get("IdentityPoolUsages")).isEmpty();
    assertThat(server.service().engine().exportState()).isEqualTo(before);
  }

  // ---- defect 4: paging whatever a key holds ----

  @Test
  void C7_pagingWithNulAndLoneSurrogateKeysVisitsEveryKeyOnceAndEnds() throws Exception {
    List<String> keys = List.of("a\\u0000b", "b", "a\\ud800", "\\udc00z", "\\u0001");
    List<String> patches = new ArrayList<>();
    keys.forEach(k -> patches.add(patch(k, 0, "")));
    RawHttp.Response written = update("p", String.join(",", patches));
    assertThat(written.status()).as(written.bodyText()).isEqualTo(200);
    List<String> seen = new ArrayList<>();
    String next = null;
    for (int page = 0; page < 20; page++) {
      RawHttp.Response r =
          get(
              D
                  + "/p/records?maxResults=1"
                  + (next == null
                      ? ""
                      : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
      assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
      JsonNode body = json(r);
      body.get("Records").forEach(rec -> seen.add(rec.get("Key").asString()));
      next = body.has("NextToken") ? body.get("NextToken").asString() : null;
      if (next == null) {
        break;
      }
    }
    assertThat(next).as("paging ends").isNull();
    assertThat(seen).hasSize(keys.size()).doesNotHaveDuplicates();
    assertThat(seen).contains("a\u0000b", "b", "\u0001");
  }

  // ---- defect 5: what is wrong, in the caller's terms ----

  @ParameterizedTest(name = "A1 body {0} gets a message without parser internals")
  @ValueSource(
      strings = {
        "{\"SyncSessionToken\":NaN}",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} x",
        "{\"SyncSessionToken\":Infinity}",
        "{'a':1}",
        "{\"a\":\"\u0001\"}",
        "{\"a\":01}",
        "{\"a\":[1,2}",
        "{\"a\":tru}"
      })
  void A1_malformedBodiesAreDescribedWithoutParserInternals(String body) throws Exception {
    RawHttp.Response r = send("POST", D + "/m", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
    assertNoInternals(json(r).get("message").asString());
  }

  @Test
  void A1_deepNestingIsDescribedWithoutParserInternals() throws Exception {
    RawHttp.Response r = send("POST", D + "/m", "{\"a\":".repeat(200) + "1" + "}".repeat(200));
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).get("message").asString()).contains("nests deeper");
    assertNoInternals(json(r).get("message").asString());
  }

  @ParameterizedTest(name = "A1 admin state document {0} gets a message without Java types")
  @ValueSource(
      strings = {
        "{\"identityPools\":{}}",
        "{\"identityPools\":[{\"identities\":5}]}",
        "{\"identityPools\":[{\"identityPoolId\":\"p\",\"creationDate\":\"yesterday\"}]}",
        "{\"identityPools\":[{\"identityPoolId\":\"p\",\"syncSessionsCount\":\"many\"}]}",
        "{\"identityPools\":",
        "[1]"
      })
  void A1_adminStateDocumentsAreDescribedWithoutJavaTypes(String body) throws Exception {
    RawHttp.Response r = send("PUT", "/__admin/cognito-sync/state", body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    String message = json(r).get("message").asString();
    assertNoInternals(message);
    assertThat(message).startsWith("Invalid state document: ");
  }

  @Test
  void A1_anAdminStateDocumentWithAnUnrepresentableDateIsRefused() throws Exception {
    RawHttp.Response r =
        send(
            "PUT",
            "/__admin/cognito-sync/state",
            "{\"identityPools\":[{"
                + "\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\",\"identities\":[{"
                + "\"identityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"datasets\":[{"
                + "\"datasetName\":\"d\",\"records\":[{\"key\":\"k\",\"value\":\"v\","
                + "\"deviceLastModifiedDate\":\"+1000000000-12-31T23:59:59Z\"}]}]}]}]}");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertThat(json(get(D + "/d/records")).get("Records")).isEmpty();
  }

  static void assertNoInternals(String message) {
    assertThat(message)
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain(
            "java.",
            "tools.",
            "dev.cognitosyncmock",
            "`",
            "JsonToken",
            "JsonNode",
            "Feature",
            "StreamRead",
            "$",
            "Exception",
            "ArrayList",
            "LinkedHashMap");
  }
}
