package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.admin;
import static dev.cognitosyncmock.faults.FaultTestSupport.recordsPath;
import static dev.cognitosyncmock.faults.FaultTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Fault rules over the admin API and from a fault file, on the wire. */
class FaultAdminApiTest {
  CognitoSyncServer server;
  String base;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
    base = admin(server);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  String listRecords() {
    return "http://127.0.0.1:" + server.port() + recordsPath("settings");
  }

  @Test
  void B7_addListGetAndRemoveARuleThatAnswersAModeledError() throws Exception {
    HttpResponse<String> added =
        send(
            "POST",
            base + "/faults",
            """
        {"id": "throttle-lists", "description": "every 2nd ListRecords",
         "match": {"operation": "ListRecords", "datasetName": "settings"},
         "trigger": {"everyNthCall": 2},
         "action": {"error": "TooManyRequestsException", "message": "Slow down"}}""");
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(json(added).at("/rules/0/id").asString()).isEqualTo("throttle-lists");

    assertThat(send("GET", listRecords(), null).statusCode()).isEqualTo(200);
    HttpResponse<String> throttled = send("GET", listRecords(), null);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("TooManyRequestsException");
    assertThat(throttled.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(json(throttled).get("message").asString()).isEqualTo("Slow down");
    assertThat(send("GET", listRecords(), null).statusCode()).isEqualTo(200);

    JsonNode listed = json(send("GET", base + "/faults", null));
    assertThat(listed.at("/rules/0/matched").asLong()).isEqualTo(3);
    assertThat(listed.at("/rules/0/fired").asLong()).isEqualTo(1);
    assertThat(listed.at("/rules/0/trigger/everyNthCall").asLong()).isEqualTo(2);
    JsonNode one = json(send("GET", base + "/faults/throttle-lists", null));
    assertThat(one.get("fired").asLong()).isEqualTo(1);

    assertThat(send("DELETE", base + "/faults/throttle-lists", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", base + "/faults/throttle-lists", null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", base + "/faults/throttle-lists", null).statusCode()).isEqualTo(404);
    assertThat(json(send("GET", base + "/faults", null)).get("rules")).isEmpty();
    assertThat(send("GET", listRecords(), null).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesWith400ARuleWhoseErrorTheOperationDoesNotModel() throws Exception {
    HttpResponse<String> refused =
        send(
            "POST",
            base + "/faults",
            """
        {"match": {"operation": "ListRecords"},
         "action": {"error": "ResourceConflictException"}}""");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("message").asString())
        .contains("ListRecords does not model ResourceConflictException")
        .contains("TooManyRequestsException");
    assertThat(
            send(
                    "POST",
                    base + "/faults",
                    """
        {"match": {"operation": "UpdateRecords"}, "action": {"error": "NoSuchError"}}""")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    base + "/faults",
                    """
        {"match": {"operation": "UpdateRecords"}, "trigger": {"nthcall": 2},
         "action": {"error": "TooManyRequestsException"}}""")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    base + "/faults",
                    """
        {"match": {"operation": "DescribeDataset"}, "action": {"conflict": {}}}""")
                .statusCode())
        .isEqualTo(400);
    assertThat(send("POST", base + "/faults", "{not json").statusCode()).isEqualTo(400);
    // a batch is added whole or not at all
    assertThat(
            send(
                    "POST",
                    base + "/faults",
                    """
        [{"match": {"operation": "ListRecords"}, "action": {"delay": 1}},
         {"match": {"operation": "ListRecords"}, "action": {"error": "LimitExceededException"}}]""")
                .statusCode())
        .isEqualTo(400);
    assertThat(json(send("GET", base + "/faults", null)).get("rules")).isEmpty();
  }

  @Test
  void addsSeveralRulesAtOnceAndClearsThemAll() throws Exception {
    HttpResponse<String> added =
        send(
            "POST",
            base + "/faults",
            """
        {"rules": [
          {"match": {"operation": "*"}, "trigger": {"probability": 0.5, "seed": 1},
           "action": {"delay": {"minMs": 1, "maxMs": 5, "seed": 2}}},
          {"match": {"operation": "UpdateRecords"}, "action": {"rateLimit": {"perSecond": 5}}},
          {"match": {"operation": "ListRecords"}, "trigger": {"window": {"after": "PT1H"}},
           "action": {"connectionFault": "EMPTY_RESPONSE"}}]}""");
    assertThat(added.statusCode()).isEqualTo(201);
    JsonNode rules = json(send("GET", base + "/faults", null)).get("rules");
    assertThat(rules).hasSize(3);
    assertThat(rules.get(0).at("/match/operation").asString()).isEqualTo("*");
    assertThat(rules.get(1).at("/action/rateLimit/per").asString()).isEqualTo("operation");
    assertThat(rules.get(2).at("/trigger/window/start").asString()).isNotEmpty();
    assertThat(send("DELETE", base + "/faults", null).statusCode()).isEqualTo(200);
    assertThat(json(send("GET", base + "/faults", null)).get("rules")).isEmpty();
  }

  @Test
  void aFaultFileSetsRulesFromStartUp(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("faults.json");
    Files.writeString(
        file,
        """
        [{"match": {"operation": "ListRecords"}, "trigger": {"nthCall": 1},
          "action": {"error": "InternalErrorException"}}]""");
    try (CognitoSyncServer fromFile =
        CognitoSyncServer.builder()
            .service(CognitoSyncService.builder().faultRules(FaultJson.readRules(file)).build())
            .build()
            .start()) {
      String url = "http://127.0.0.1:" + fromFile.port() + recordsPath("settings");
      HttpResponse<String> first = send("GET", url, null);
      assertThat(first.statusCode()).isEqualTo(500);
      assertThat(first.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalErrorException");
      assertThat(send("GET", url, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void faultRoutesLeaveThePersistedStateAlone(@TempDir Path dir) throws Exception {
    try (CognitoSyncService durable =
            CognitoSyncService.builder().persistenceDirectory(dir).build();
        CognitoSyncServer s = CognitoSyncServer.builder().service(durable).build().start()) {
      String b = admin(s);
      assertThat(
              send(
                      "POST",
                      b + "/identitypools",
                      "{\"IdentityPoolId\":\"" + FaultTestSupport.POOL + "\"}")
                  .statusCode())
          .isEqualTo(200);
      java.util.Map<String, Object> before = listing(dir);
      assertThat(
              send(
                      "POST",
                      b + "/faults",
                      """
          {"match": {"operation": "ListRecords"}, "action": {"delay": 1}}""")
                  .statusCode())
          .isEqualTo(201);
      assertThat(send("POST", b + "/recordings/start", "").statusCode()).isEqualTo(200);
      assertThat(send("POST", b + "/recordings/stop", "").statusCode()).isEqualTo(200);
      assertThat(send("DELETE", b + "/faults", null).statusCode()).isEqualTo(200);
      // no compaction ran: the same files, unchanged (an admin state change would rotate them)
      assertThat(listing(dir)).isEqualTo(before);
    }
  }

  @Test
  void aStateResetKeepsTheFaultRules() throws Exception {
    assertThat(
            send(
                    "POST",
                    base + "/faults",
                    """
        {"match": {"operation": "ListRecords"}, "action": {"delay": 1}}""")
                .statusCode())
        .isEqualTo(201);
    assertThat(send("POST", base + "/reset", "").statusCode()).isEqualTo(200);
    assertThat(json(send("GET", base + "/faults", null)).get("rules")).hasSize(1);
  }

  private static java.util.Map<String, Object> listing(Path dir) throws Exception {
    java.util.Map<String, Object> out = new java.util.TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.size(f) + "@" + Files.getLastModifiedTime(f));
      }
    }
    return out;
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.MAPPER.readTree(response.body());
  }
}
