package dev.cognitosyncmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer of the port has the AWS error shape, whichever layer produces it (A1): what Jetty's
 * parser refuses (request line, Host, framing, sizes, versions), what the request guard refuses
 * (bodies too large as sent or gunzipped, bodies that end early or stall) and what the mock
 * refuses. Walked over raw sockets, byte for byte, as no HTTP client would send them.
 */
class HttpLayerErrorShapeTest {
  static final String DS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings";
  static final int LIMIT = 64 * 1024;
  static CognitoSyncServer server;

  @BeforeAll
  static void start() {
    server =
        CognitoSyncServer.builder()
            .maxRequestBodySize(LIMIT)
            .idleTimeout(Duration.ofMillis(1_500))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** A raw request, the status it must get, and what it tests. */
  record Case(String what, String request, int status) {
    @Override
    public String toString() {
      return what;
    }
  }

  static List<Case> framingErrors() {
    String close = "Connection: close\r\n";
    return List.of(
        new Case(
            "NUL escape in a path label",
            "GET /identitypools/%00/configuration HTTP/1.1\r\nHost: x\r\n" + close + "\r\n",
            400),
        new Case(
            "bad escape %zz in a path label",
            "GET /identitypools/%zz/configuration HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 400),
        new Case(
            "bare % in a path label",
            "GET /identitypools/%/configuration HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 400),
        new Case("missing Host", "GET /identitypools HTTP/1.1\r\n" + close + "\r\n", 400),
        new Case(
            "doubled Host",
            "GET /identitypools HTTP/1.1\r\nHost: x\r\nHost: y\r\n" + close + "\r\n",
            400),
        new Case(
            "Content-Length with Transfer-Encoding",
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n"
                + close
                + "\r\n0\r\n\r\n",
            400),
        new Case(
            "two Content-Lengths",
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n"
                + close
                + "\r\n{}",
            400),
        new Case(
            "Content-Length not a number",
            "POST " + DS + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n" + close + "\r\n",
            400),
        new Case(
            "unknown Transfer-Encoding",
            "POST " + DS + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: zip\r\n" + close + "\r\n",
            400),
        new Case(
            "bad chunk size",
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + close
                + "\r\nzz\r\n{}\r\n0\r\n\r\n",
            400),
        new Case("no request target", "BLAH\r\n\r\n", 400),
        new Case(
            "header without a colon",
            "GET /identitypools HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n" + close + "\r\n",
            400),
        new Case(
            "414 request target too long",
            "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n" + close + "\r\n",
            414),
        new Case(
            "431 header too large",
            "GET /identitypools HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(70_000)
                + "\r\n"
                + close
                + "\r\n",
            431),
        new Case(
            "417 unknown expectation",
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n"
                + close
                + "\r\n{}",
            417),
        new Case(
            "426 HTTP/2.0 request line", "GET /identitypools HTTP/2.0\r\nHost: x\r\n\r\n", 426),
        new Case(
            "505 HTTP/3.0", "GET /identitypools HTTP/3.0\r\nHost: x\r\n" + close + "\r\n", 505),
        new Case(
            "505 HTTP/1.7", "GET /identitypools HTTP/1.7\r\nHost: x\r\n" + close + "\r\n", 505),
        new Case(
            "OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n" + close + "\r\n", 404),
        new Case(
            "413 Content-Length above the limit",
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (LIMIT + 1)
                + "\r\n"
                + close
                + "\r\n{}",
            413),
        new Case(
            "admin path, broken query escape",
            "GET /__admin/cognito-sync/state?% HTTP/1.1\r\nHost: x\r\n" + close + "\r\n",
            400));
  }

  static void assertAwsShape(RawHttp.Response r, String what) {
    assertThat(r.header("x-amzn-ErrorType")).as(what + ": " + r.bodyText()).isNotBlank();
    assertThat(r.header("x-amzn-RequestId")).as(what).isNotBlank();
    assertThat(r.header("Content-Type")).as(what).startsWith("application/json");
    assertThat(r.bodyText())
        .as(what)
        .startsWith("{\"message\":\"")
        .doesNotContain("org.eclipse", "java.", "Exception:", "<h", "jetty");
  }

  @ParameterizedTest(name = "A1 {0}")
  @MethodSource("framingErrors")
  void A1_httpLayerErrorsHaveTheAwsErrorShape(Case c) throws Exception {
    Optional<RawHttp.Response> answer =
        RawHttp.sendRaw(server.port(), c.request().getBytes(StandardCharsets.ISO_8859_1), false);
    assertThat(answer).as(c.what()).isPresent();
    RawHttp.Response r = answer.get();
    assertThat(r.status()).as(c.what() + ": " + r.bodyText()).isEqualTo(c.status());
    assertAwsShape(r, c.what());
  }

  @Test
  void A1_aBodyEndingBeforeItsContentLengthIs400NotEarlyEof500() throws Exception {
    byte[] request =
        ("POST " + DS + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}")
            .getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Response r = RawHttp.sendRaw(server.port(), request, true).orElseThrow();
    assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
    assertAwsShape(r, "early EOF");
  }

  @Test
  void A1_aBodyThatStallsUntilTheIdleTimeoutIs400NotA500() throws Exception {
    byte[] request =
        ("POST " + DS + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}")
            .getBytes(StandardCharsets.ISO_8859_1);
    Optional<RawHttp.Response> answer = RawHttp.sendRaw(server.port(), request, false);
    // a 400 in the AWS shape, or a silent close; never a 5xx
    answer.ifPresent(
        r -> {
          assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
          assertAwsShape(r, "stalled body");
        });
  }

  @Test
  void A1_aChunkedBodyAboveTheLimitIs413() throws Exception {
    String chunk = "x".repeat(8192);
    StringBuilder b =
        new StringBuilder(
            "POST "
                + DS
                + " HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    for (int sent = 0; sent <= LIMIT; sent += chunk.length()) {
      b.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    b.append("0\r\n\r\n");
    RawHttp.Response r =
        RawHttp.sendRaw(server.port(), b.toString().getBytes(StandardCharsets.ISO_8859_1), false)
            .orElseThrow();
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("RequestEntityTooLargeException");
    assertAwsShape(r, "chunked above the limit");
  }

  @Test
  void A1_aGzipBodyThatExpandsBeyondTheLimitIs413() throws Exception {
    byte[] bomb = gzipOfZeros(LIMIT * 16);
    assertThat(bomb.length).isLessThan(LIMIT);
    RawHttp.Response r =
        RawHttp.send(
            server.port(),
            "POST",
            DS,
            List.<String[]>of(new String[] {"Content-Encoding", "gzip"}),
            bomb);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(413);
    assertThat(r.bodyText()).contains("gunzipped");
    assertAwsShape(r, "gzip bomb");
  }

  static byte[] gzipOfZeros(long size) throws java.io.IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[64 * 1024];
      for (long written = 0; written < size; written += zeros.length) {
        gz.write(zeros);
      }
    }
    return bytes.toByteArray();
  }
}
