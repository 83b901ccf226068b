package dev.cognitosyncmock.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed requests built by hand (signed with the SDK's signer, sent with a plain HTTP client): what
 * the JavaScript SDK v3 puts on the wire, UNSIGNED-PAYLOAD, tampering, and every malformed
 * Authorization form (A1: the error's status and x-amzn-ErrorType).
 */
class SignatureWireTest extends SecurityTestSupport {
  static final String P = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String A = "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String B = "us-east-1%3Abbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String RECORDS = "/identitypools/" + P + "/identities/" + A + "/datasets/settings";
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startVerifying() {
    start(b -> b.verifySignatures(true));
  }

  /** Signs method + path + headers + body as a client would, for the given key. */
  SignedRequest sign(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      byte[] body,
      AccessKey key,
      boolean signPayload) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .uri(
                URI.create(
                    (signPayload ? "http" : "https")
                        + "://localhost:"
                        + server.port()
                        + pathAndQuery))
            .putHeader("host", "localhost:" + server.port());
    headers.forEach(request::putHeader);
    AwsCredentialsIdentity identity =
        key.sessionToken() == null
            ? AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey())
            : AwsSessionCredentialsIdentity.create(
                key.accessKeyId(), key.secretAccessKey(), key.sessionToken());
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(identity)
                    .request(request.build())
                    .payload(() -> new ByteArrayInputStream(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-sync")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload));
  }

  /** Sends the signed request's headers (but Host and Content-Length, set by the client). */
  HttpResponse<String> send(SignedRequest signed, String method, String pathAndQuery, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> b.header(name, v));
              }
            });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> raw(String method, String path, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(HttpResponse<String> r, int status, String errorType) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    assertThat(r.body()).startsWith("{\"message\":");
  }

  /** Lower-case header names, many signed headers, a query: the JavaScript SDK v3's form. */
  Map<String, String> jsV3Headers(byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("amz-sdk-invocation-id", UUID.randomUUID().toString());
    h.put("amz-sdk-request", "attempt=1; max=3");
    h.put("x-amz-user-agent", "aws-sdk-js/3.523.0");
    if (body.length > 0) {
      h.put("content-type", "application/json");
      h.put("content-length", Integer.toString(body.length));
    }
    return h;
  }

  @Test
  void A1_jsV3StyleRequestsWithLowerCaseHeadersManySignedHeadersAndAQuery_areVerified()
      throws Exception {
    String list = RECORDS + "/records?lastSyncCount=0&maxResults=1024";
    byte[] none = new byte[0];
    HttpResponse<String> listed =
        send(sign("GET", list, jsV3Headers(none), none, ALICE_KEY, true), "GET", list, none);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    String token =
        JsonMapper.builder().build().readTree(listed.body()).get("SyncSessionToken").asString();

    byte[] body =
        ("{\"SyncSessionToken\":\""
                + token
                + "\",\"RecordPatches\":[{\"Op\":\"replace\","
                + "\"Key\":\"theme\",\"Value\":\"dark\",\"SyncCount\":0,"
                + "\"DeviceLastModifiedDate\":1700574873.059}]}")
            .getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign("POST", RECORDS, jsV3Headers(body), body, ALICE_KEY, true);
    assertThat(signed.request().firstMatchingHeader("Authorization").orElseThrow())
        .contains("amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;");
    HttpResponse<String> updated = send(signed, "POST", RECORDS, body);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.body())
        .contains("\"LastModifiedBy\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"");
  }

  @Test
  void A1_unsignedPayloadIsAcceptedWhenTheClientSignedThatHeader() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String path = "/identitypools/" + P + "/bulkpublish";
    SignedRequest signed = sign("POST", path, Map.of(), body, DEVELOPER, false);
    assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
        .hasValue("UNSIGNED-PAYLOAD");
    HttpResponse<String> r = send(signed, "POST", path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void A1_aBodyChangedAfterSigning_isInvalidSignatureException403() throws Exception {
    String path = "/identitypools/" + P + "/events";
    byte[] signedBody = "{\"Events\":{\"SyncTrigger\":\"\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] sentBody =
        ("{\"Events\":{\"SyncTrigger\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:evil\"}}")
            .getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign("POST", path, Map.of(), signedBody, DEVELOPER, true);
    var before = server.service().engine().exportState();
    assertError(send(signed, "POST", path, sentBody), 403, AuthErrors.INVALID_SIGNATURE);
    assertThat(server.service().engine().exportState()).isEqualTo(before);
  }

  @Test
  void A1_aPathOrQueryChangedAfterSigning_isInvalidSignatureException403() throws Exception {
    byte[] none = new byte[0];
    SignedRequest signed = sign("GET", RECORDS + "/records", Map.of(), none, DEVELOPER, true);
    String otherIdentity =
        "/identitypools/" + P + "/identities/" + B + "/datasets/settings/records";
    assertError(send(signed, "GET", otherIdentity, none), 403, AuthErrors.INVALID_SIGNATURE);
    assertError(
        send(signed, "GET", RECORDS + "/records?lastSyncCount=5", none),
        403,
        AuthErrors.INVALID_SIGNATURE);
    assertThat(send(signed, "GET", RECORDS + "/records", none).statusCode()).isEqualTo(200);
  }

  @Test
  void A1_aSignatureScopedToAnotherService_isInvalidSignatureException403() throws Exception {
    String date = AMZ_DATE.format(Instant.now());
    assertError(
        raw(
            "GET",
            RECORDS,
            Map.of(
                "X-Amz-Date",
                date,
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + DEVELOPER.accessKeyId()
                    + "/"
                    + date.substring(0, 8)
                    + "/us-east-1/cognito-identity/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                    + "0".repeat(64))),
        403,
        AuthErrors.INVALID_SIGNATURE);
  }

  static List<Map<String, String>> malformed() {
    String date = AMZ_DATE.format(Instant.now());
    String scope =
        DEVELOPER.accessKeyId()
            + "/"
            + date.substring(0, 8)
            + "/us-east-1/cognito-sync/aws4_request";
    String sig = "a".repeat(64);
    return List.of(
        Map.of("X-Amz-Date", date, "Authorization", "AWS4-HMAC-SHA256"),
        Map.of("X-Amz-Date", date, "Authorization", "AWS4-HMAC-SHA256 Credential=" + scope),
        Map.of(
            "X-Amz-Date",
            date,
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=host;x-amz-date"),
        Map.of(
            "X-Amz-Date",
            date,
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + DEVELOPER.accessKeyId()
                + "/us-east-1/cognito-sync, SignedHeaders=host;x-amz-date,"
                + " Signature="
                + sig),
        Map.of("X-Amz-Date", date, "Authorization", "Bearer abc"),
        Map.of(
            "X-Amz-Date",
            date,
            "Authorization",
            "AWS " + DEVELOPER.accessKeyId() + ":c2lnbmF0dXJl"),
        Map.of(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + scope
                + ", SignedHeaders=host;x-amz-date, Signature="
                + sig),
        Map.of(
            "X-Amz-Date",
            "yesterday",
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + scope
                + ", SignedHeaders=host;x-amz-date, Signature="
                + sig),
        Map.of(
            "X-Amz-Date",
            date,
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + scope
                + ", SignedHeaders=x-amz-date, Signature="
                + sig));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void A1_aMalformedAuthorization_isIncompleteSignature400(Map<String, String> headers)
      throws Exception {
    assertError(raw("GET", RECORDS + "/records", headers), 400, AuthErrors.INCOMPLETE_SIGNATURE);
  }

  @Test
  void A1_noAuthorizationAtAll_isMissingAuthenticationToken403_evenOnAnUnknownPath()
      throws Exception {
    assertError(
        raw("GET", RECORDS + "/records", Map.of()), 403, AuthErrors.MISSING_AUTHENTICATION_TOKEN);
    assertError(
        raw("GET", "/no/such/operation", Map.of()), 403, AuthErrors.MISSING_AUTHENTICATION_TOKEN);
  }
}
