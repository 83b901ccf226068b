package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs every proxied request again for the recorded endpoint. A client pointed at the mock signs
 * for the mock's host; the real service checks the signature against its own host, so a proxied
 * request must be signed anew, with credentials of the recording account (SigV4, service
 * {@code cognito-sync}, signing host, x-amz-content-sha256, x-amz-date and any session token as
 * the AWS SDK for Java v2 does). The client's own {@code Authorization}, {@code X-Amz-Date},
 * {@code X-Amz-Content-Sha256} and {@code X-Amz-Security-Token} headers are replaced.
 */
public final class RecordingSigner implements StubRequestFilterV2 {
  public static final String NAME = "cognito-sync-recording-signer";
  private static final Pattern REGIONAL_HOST = Pattern.compile(
      "cognito-sync(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

  /** Credentials of the account whose endpoint is recorded; {@code sessionToken} may be null. */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** From AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, when both are set. */
    public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
      String id = env.get("AWS_ACCESS_KEY_ID");
      String secret = env.get("AWS_SECRET_ACCESS_KEY");
      if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
        return Optional.empty();
      }
      String token = env.get("AWS_SESSION_TOKEN");
      return Optional.of(new Credentials(id, secret, token == null || token.isBlank() ? null
          : token));
    }
  }

  private final String host;
  private final Credentials credentials;
  private final String region;
  private final Clock clock;

  /**
   * @param target the recorded endpoint, e.g. {@code https://cognito-sync.eu-west-1.amazonaws.com}
   * @param region null: read from the endpoint's host name, else {@code us-east-1}
   */
  public RecordingSigner(URI target, Credentials credentials, String region, Clock clock) {
    this.host = hostHeader(target);
    this.credentials = Objects.requireNonNull(credentials);
    this.region = region != null ? region : regionOf(target);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The region in {@code cognito-sync.<region>.amazonaws.com}; {@code us-east-1} otherwise. */
  public static String regionOf(URI target) {
    Matcher m = REGIONAL_HOST.matcher(String.valueOf(target.getHost()).toLowerCase(Locale.ROOT));
    return m.matches() ? m.group(1) : "us-east-1";
  }

  public String region() {
    return region;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyToAdmin() {
    return false;
  }

  @Override
  public boolean applyToStubs() {
    return true;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    Instant now = clock.instant();
    String amzDate = SigV4.AMZ_DATE.format(now);
    String url = request.getUrl();
    int q = url.indexOf('?');
    Map<String, String> signed = new LinkedHashMap<>();
    String payloadHash = java.util.HexFormat.of().formatHex(SigV4.sha256(request.getBody()));
    signed.put("host", host);
    signed.put("x-amz-content-sha256", payloadHash);
    signed.put("x-amz-date", amzDate);
    if (credentials.sessionToken() != null) {
      signed.put("x-amz-security-token", credentials.sessionToken());
    }
    String authorization = SigV4.authorization(request.getMethod().getName(),
        q < 0 ? url : url.substring(0, q), q < 0 ? "" : url.substring(q + 1), signed,
        request.getBody(), credentials.accessKeyId(), credentials.secretAccessKey(), region,
        "cognito-sync", now);
    RequestWrapper.Builder wrapped = RequestWrapper.create();
    set(wrapped, request, "Authorization", authorization);
    set(wrapped, request, "X-Amz-Content-Sha256", payloadHash);
    set(wrapped, request, "X-Amz-Date", amzDate);
    if (credentials.sessionToken() != null) {
      set(wrapped, request, "X-Amz-Security-Token", credentials.sessionToken());
    } else if (request.containsHeader("X-Amz-Security-Token")) {
      wrapped.removeHeader("X-Amz-Security-Token");
    }
    return RequestFilterAction.continueWith(wrapped.wrap(request));
  }

  /** Replaces a header the request has (a removed header cannot be added back), else adds it. */
  private static void set(RequestWrapper.Builder wrapped, Request request, String name,
      String value) {
    if (request.containsHeader(name)) {
      wrapped.transformHeader(name, values -> java.util.List.of(value));
    } else {
      wrapped.addHeader(name, value);
    }
  }

  /** What an HTTP client sends as Host for this endpoint: the port only when not the default. */
  static String hostHeader(URI target) {
    int port = target.getPort();
    boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(target.getScheme()) && port == 443)
        || ("http".equalsIgnoreCase(target.getScheme()) && port == 80);
    return defaultPort ? target.getHost() : target.getHost() + ":" + port;
  }
}
