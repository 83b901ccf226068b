package dev.cognitosyncmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 5xx the hardening suite found, one test each, over a raw socket (A1, A5). */
class HardeningRegressionTest {
  static final String DS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings";
  static CognitoSyncServer server;

  @BeforeAll
  static void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static void assertRefused(RawHttp.Response r, int status, String errorType) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo(errorType);
    assertThat(r.bodyText()).startsWith("{\"message\":");
  }

  @Test
  void A5_anIntegerBeyond64BitsIsInvalidParameterNot500() throws Exception {
    byte[] body =
        ("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\","
                + "\"Value\":\"v\",\"SyncCount\":99999999999999999999999999999}]}")
            .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response r = RawHttp.send(server.port(), "POST", DS, List.of(), body);
    assertRefused(r, 400, "InvalidParameterException");
    assertThat(r.bodyText()).contains("RecordPatches.1.SyncCount");
  }

  @Test
  void A5_aBrokenPercentEscapeInTheQueryIsInvalidParameterNot500() throws Exception {
    // WireMock's journal throws on these before any extension runs
    assertRefused(
        RawHttp.send(server.port(), "GET", DS + "/records?lastSyncCount=%", List.of(), null),
        400,
        "InvalidParameterException");
    assertRefused(
        RawHttp.send(server.port(), "GET", DS + "/records?%zz=1", List.of(), null),
        400,
        "InvalidParameterException");
    assertRefused(
        RawHttp.send(server.port(), "GET", "/?%", List.of(), null),
        404,
        "UnknownOperationException");
    assertThat(RawHttp.send(server.port(), "GET", "/__admin/mappings?%", List.of(), null).status())
        .isEqualTo(400);
  }

  @Test
  void A1_aBodyThatIsNotTheGzipItClaimsIsSerializationExceptionNot500() throws Exception {
    assertRefused(
        RawHttp.send(
            server.port(),
            "POST",
            DS,
            List.<String[]>of(new String[] {"Content-Encoding", "gzip"}),
            "{}".getBytes(StandardCharsets.UTF_8)),
        400,
        "SerializationException");
    assertRefused(
        RawHttp.send(server.port(), "POST", DS, List.of(), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0}),
        400,
        "SerializationException");
  }

  @Test
  void aReplayedBodyStillReachesTheMock() throws Exception {
    RawHttp.Response r =
        RawHttp.send(server.port(), "GET", DS + "/records?lastSyncCount=0", List.of(), null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("SyncSessionToken");
  }
}
