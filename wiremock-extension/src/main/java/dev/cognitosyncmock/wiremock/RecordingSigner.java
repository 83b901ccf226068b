package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.uri.PercentDecoding;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs every proxied request again for the recorded endpoint. A client pointed at the mock signs
 * for the mock's host; the real service checks the signature against its own host, so a proxied
 * request must be signed anew, with credentials of the recording account, by the AWS SDK's own
 * SigV4 signer, as the SDK signs an outgoing request (service {@code cognito-sync}, the target's
 * host, payload hash, x-amz-date and any session token). The client's {@code Authorization}, {@code
 * X-Amz-Date}, {@code X-Amz-Content-Sha256} and {@code X-Amz-Security-Token} are replaced.
 */
public final class RecordingSigner implements StubRequestFilterV2 {
  /** The filter's name among WireMock's extensions. */
  public static final String NAME = "cognito-sync-recording-signer";

  private static final Pattern REGIONAL_HOST =
      Pattern.compile("cognito-sync(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

  /** Credentials of the account whose endpoint is recorded; {@code sessionToken} may be null. */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    /**
     * Credentials of the recording account.
     *
     * @param accessKeyId the access key id, not null
     * @param secretAccessKey the secret access key, not null
     * @param sessionToken the session token of temporary credentials, or null
     */
    public Credentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
     *
     * @param env environment variables by name
     * @return the credentials when both key variables are set and not blank, else empty
     */
    public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
      String id = env.get("AWS_ACCESS_KEY_ID");
      String secret = env.get("AWS_SECRET_ACCESS_KEY");
      if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
        return Optional.empty();
      }
      String token = env.get("AWS_SESSION_TOKEN");
      return Optional.of(
          new Credentials(id, secret, token == null || token.isBlank() ? null : token));
    }
  }

  private final Credentials credentials;
  private final String region;
  private final Clock clock;
  private final URI target;

  /**
   * A signer for one recorded endpoint.
   *
   * @param target the recorded endpoint, e.g. {@code https://cognito-sync.eu-west-1.amazonaws.com}
   * @param credentials the recording account's, not null
   * @param region null: read from the endpoint's host name, else {@code us-east-1}
   * @param clock the time requests are signed at, not null
   */
  public RecordingSigner(URI target, Credentials credentials, String region, Clock clock) {
    this.target = target;
    this.credentials = Objects.requireNonNull(credentials);
    this.region = region != null ? region : regionOf(target);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * {@return the region in {@code cognito-sync.<region>.amazonaws.com}; {@code us-east-1}
   * otherwise}
   *
   * @param target the recorded endpoint
   */
  public static String regionOf(URI target) {
    Matcher m = REGIONAL_HOST.matcher(String.valueOf(target.getHost()).toLowerCase(Locale.ROOT));
    return m.matches() ? m.group(1) : "us-east-1";
  }

  /** {@return the region requests are signed for} */
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
    SdkHttpRequest signed =
        RequestSigning.sign(
            target,
            request.getMethod().getName(),
            request.getUrl(),
            request.getBody(),
            credentials,
            region,
            clock.instant());
    RequestWrapper.Builder wrapped = RequestWrapper.create();
    for (String name : List.of("Authorization", "X-Amz-Date", "X-Amz-Content-Sha256")) {
      set(wrapped, request, name, signed.firstMatchingHeader(name).orElseThrow());
    }
    if (credentials.sessionToken() != null) {
      set(wrapped, request, "X-Amz-Security-Token", credentials.sessionToken());
    } else if (request.containsHeader("X-Amz-Security-Token")) {
      wrapped.removeHeader("X-Amz-Security-Token");
    }
    return RequestFilterAction.continueWith(wrapped.wrap(request));
  }

  /** Kept apart so that the AWS SDK's signer is loaded only in proxy mode. */
  private static final class RequestSigning {
    /** Signs as the AWS SDK for Java v2 signs an outgoing request, payload hash included. */
    static SdkHttpRequest sign(
        URI target,
        String method,
        String url,
        byte[] body,
        Credentials credentials,
        String region,
        Instant now) {
      int q = url.indexOf('?');
      SdkHttpRequest.Builder request =
          SdkHttpRequest.builder()
              .method(SdkHttpMethod.fromValue(method))
              .uri(target)
              .encodedPath(q < 0 ? url : url.substring(0, q));
      if (q >= 0) {
        PercentDecoding.pairs(url.substring(q + 1), PercentDecoding::decodeLenient)
            .forEach(p -> request.appendRawQueryParameter(p.getKey(), p.getValue()));
      }
      AwsCredentialsIdentity identity =
          credentials.sessionToken() == null
              ? AwsCredentialsIdentity.create(
                  credentials.accessKeyId(), credentials.secretAccessKey())
              : AwsSessionCredentialsIdentity.create(
                  credentials.accessKeyId(),
                  credentials.secretAccessKey(),
                  credentials.sessionToken());
      return AwsV4HttpSigner.create()
          .sign(
              s ->
                  s.identity(identity)
                      .request(request.build())
                      .payload(() -> new ByteArrayInputStream(body))
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-sync")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                      .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)))
          .request();
    }
  }

  /** Replaces a header the request has (a removed header cannot be added back), else adds it. */
  private static void set(
      RequestWrapper.Builder wrapped, Request request, String name, String value) {
    if (request.containsHeader(name)) {
      wrapped.transformHeader(name, values -> java.util.List.of(value));
    } else {
      wrapped.addHeader(name, value);
    }
  }
}
