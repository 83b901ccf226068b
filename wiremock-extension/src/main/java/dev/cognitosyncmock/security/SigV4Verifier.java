package dev.cognitosyncmock.security;

import dev.cognitosyncmock.uri.PercentDecoding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.Aws4UnsignedPayloadSigner;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Checks AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the Authorization header) with the
 * AWS SDK's own signer: the received request is rebuilt from exactly the headers named in
 * SignedHeaders, with the received X-Amz-Date and credential scope, signed again with the
 * configured secret, and the two signatures compared in constant time.
 *
 * <p>The SDK's {@code Aws4Signer} (module {@code auth}) is used rather than the newer {@code
 * AwsV4HttpSigner}: the newer one always adds and signs {@code x-amz-content-sha256}, so it cannot
 * reproduce the signature of a client that does not sign that header (botocore, the AWS CLI, the
 * JavaScript SDK v2). The older one signs exactly the headers it is given. {@code
 * x-amz-content-sha256: UNSIGNED-PAYLOAD} is honoured when the client signed it.
 */
final class SigV4Verifier {
  static final String SERVICE = "cognito-sync";
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  private final Map<String, AccessKey> keys;
  private final Clock clock;

  SigV4Verifier(Map<String, AccessKey> keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Verifies the request's signature, for {@code service} (its SigV4 scope), and returns the key it
   * was signed with.
   */
  AccessKey verify(String service, SignedRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw AuthErrors.missingAuthenticationToken();
    }
    AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
    List<String> signed = auth.signedHeaderList();
    String amzDate = request.header("X-Amz-Date");
    if (amzDate == null) {
      throw AuthErrors.incompleteSignature(
          "Authorization header requires existence of a 'X-Amz-Date' header");
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(amzDate.strip(), AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw AuthErrors.incompleteSignature(
          "X-Amz-Date must be in ISO-8601 basic format"
              + " (yyyyMMdd'T'HHmmss'Z'), got '"
              + AuthorizationHeader.clip(amzDate)
              + "'");
    }
    if (!signed.contains("host") || !signed.contains("x-amz-date")) {
      throw AuthErrors.incompleteSignature(
          "'Host' and 'X-Amz-Date' must be SignedHeaders"
              + " in the AWS Authorization, got '"
              + AuthorizationHeader.clip(auth.signedHeaders())
              + "'");
    }
    if (!amzDate.strip().startsWith(auth.date())) {
      throw AuthErrors.invalidSignature(
          "Date in Credential scope does not match YYYYMMDD from"
              + " ISO-8601 version of date from HTTP: '"
              + AuthorizationHeader.clip(auth.date())
              + "' != '"
              + AuthorizationHeader.clip(
                  amzDate.strip().substring(0, Math.min(8, amzDate.strip().length())))
              + "'");
    }
    if (!auth.service().equals(service)) {
      throw AuthErrors.invalidSignature(
          "Credential should be scoped to correct service: '" + service + "'.");
    }
    if (!REGION.matcher(auth.region()).matches()) {
      throw AuthErrors.invalidSignature(
          "Credential should be scoped to a valid region, not '"
              + AuthorizationHeader.clip(auth.region())
              + "'.");
    }

    AccessKey key = keys.get(auth.accessKeyId());
    if (key == null) {
      throw AuthErrors.unrecognizedClient();
    }
    String token = request.header("X-Amz-Security-Token");
    if (key.sessionToken() == null
        ? token != null
        : !constantTimeEquals(key.sessionToken(), token)) {
      throw AuthErrors.unrecognizedClient();
    }

    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw AuthErrors.requestExpired(
          outsideSkew("Signature expired", amzDate, "is now earlier than", now, "-"));
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw AuthErrors.requestExpired(
          outsideSkew("Signature not yet current", amzDate, "is still later than", now, "+"));
    }

    String expected = recompute(request, auth, signed, key, signedAt);
    if (!constantTimeEquals(expected, auth.signature().toLowerCase(Locale.ROOT))
        || !HEX_SIGNATURE.matcher(auth.signature().toLowerCase(Locale.ROOT)).matches()) {
      throw AuthErrors.signatureDoesNotMatch();
    }
    return key;
  }

  /**
   * The real service's message for a signing date more than {@link #MAX_SKEW} before ({@code sign}
   * "-") or after ("+") now, e.g. "Signature expired: 20240101T000000Z is now earlier than
   * 20240101T001500Z (20240101T003000Z - 15 min.)".
   */
  private static String outsideSkew(
      String verdict, String amzDate, String comparison, Instant now, String sign) {
    Instant limit = sign.equals("-") ? now.minus(MAX_SKEW) : now.plus(MAX_SKEW);
    return verdict
        + ": "
        + amzDate.strip()
        + " "
        + comparison
        + " "
        + AMZ_DATE.format(limit.atOffset(ZoneOffset.UTC))
        + " ("
        + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC))
        + " "
        + sign
        + " 15 min.)";
  }

  /** The signature the SDK's signer computes for the received request with the key's secret. */
  @SuppressWarnings("deprecation") // Aws4Signer: see the class comment
  private static String recompute(
      SignedRequest received,
      AuthorizationHeader auth,
      List<String> signed,
      AccessKey key,
      Instant signedAt) {
    SdkHttpMethod httpMethod;
    try {
      httpMethod = SdkHttpMethod.fromValue(received.method());
    } catch (IllegalArgumentException e) {
      throw AuthErrors.signatureDoesNotMatch();
    }
    String host = received.header("Host");
    if (host == null) {
      throw AuthErrors.invalidSignature("Signed header 'host' is not in the request");
    }
    boolean unsignedPayload =
        signed.contains("x-amz-content-sha256")
            && UNSIGNED_PAYLOAD.equals(received.header("x-amz-content-sha256"));
    HostAndPort hp = HostAndPort.parse(host.strip());
    // the signer rebuilds Host from host and port, leaving out the scheme's standard port: pick
    // the scheme under which the received Host comes back unchanged
    String scheme = unsignedPayload ? "https" : (hp.port() == 80 ? "https" : "http");

    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(httpMethod)
            .protocol(scheme)
            .host(hp.host())
            .port(hp.port() < 0 ? null : hp.port())
            .encodedPath(received.rawPath().isEmpty() ? "/" : received.rawPath())
            .contentStreamProvider(() -> new ByteArrayInputStream(received.body()));
    for (String name : signed) {
      String value = received.header(name);
      if (value == null) {
        throw AuthErrors.invalidSignature(
            "Signed header '" + AuthorizationHeader.clip(name) + "' is not in the request");
      }
      request.putHeader(name, value);
    }
    PercentDecoding.pairs(received.rawQuery(), PercentDecoding::decodeLenient)
        .forEach(p -> request.appendRawQueryParameter(p.getKey(), p.getValue()));
    Aws4SignerParams params =
        Aws4SignerParams.builder()
            .awsCredentials(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
            .signingName(auth.service())
            .signingRegion(Region.of(auth.region()))
            .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
            .doubleUrlEncode(true)
            .build();
    SdkHttpFullRequest resigned;
    try {
      resigned =
          unsignedPayload
              ? Aws4UnsignedPayloadSigner.create().sign(request.build(), params)
              : Aws4Signer.create().sign(request.build(), params);
    } catch (RuntimeException e) {
      throw AuthErrors.invalidSignature(
          "The request signature could not be recomputed: "
              + AuthorizationHeader.clip(String.valueOf(e.getMessage())));
    }
    String ours = resigned.firstMatchingHeader("Authorization").orElse("");
    String ourHeaders = between(ours, "SignedHeaders=", ",");
    if (!ourHeaders.equals(String.join(";", signed))
        || !host.strip().equals(resigned.firstMatchingHeader("Host").orElse(""))) {
      // the signer would sign other headers than the client did: it cannot be the same signature
      throw AuthErrors.signatureDoesNotMatch();
    }
    return between(ours + ",", "Signature=", ",");
  }

  private record HostAndPort(String host, int port) {
    static HostAndPort parse(String value) {
      int colon = value.lastIndexOf(':');
      int bracket = value.lastIndexOf(']');
      if (colon < 0 || colon < bracket) {
        return new HostAndPort(value, -1);
      }
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw AuthErrors.signatureDoesNotMatch();
        }
        return new HostAndPort(value.substring(0, colon), port);
      } catch (NumberFormatException e) {
        throw AuthErrors.signatureDoesNotMatch();
      }
    }
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    if (i < 0) {
      return "";
    }
    int from = i + start.length();
    int to = s.indexOf(end, from);
    return to < 0 ? s.substring(from) : s.substring(from, to);
  }

  static boolean constantTimeEquals(String expected, String actual) {
    if (actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
