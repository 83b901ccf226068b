package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.protocol.CallerResolver;
import dev.cognitosyncmock.protocol.CognitoSyncProtocol;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import dev.cognitosyncmock.security.SecuritySettings;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * What checking SigV4 signatures ({@code --verify-signatures}) adds per request: one ListRecords,
 * signed once by the AWS SDK's signer as a client signs it, through {@link
 * CognitoSyncProtocol#handle} with verification off and on. The difference is the verification's
 * cost (the request is the same bytes in both).
 */
@State(Scope.Benchmark)
public class SignatureBenchmark extends AverageTimeBenchmark {
  private static final AccessKey KEY =
      AccessKey.developer("AKIDBENCHMARK0000000", "bench/secret/access/key/0000000000000000");

  /** The fixtures' signature headers, replaced by the signer's own. */
  private static final Set<String> UNSIGNED =
      Set.of("authorization", "x-amz-date", "x-amz-security-token");

  @Param({"false", "true"})
  public boolean verify;

  CognitoSyncProtocol protocol;
  ProtocolRequest signed;

  @Setup(Level.Trial)
  public void setUp() {
    SyncEngine engine = new SyncEngine();
    Fixtures.seed(engine, 1, 1);
    Authenticator authenticator =
        new Authenticator(new SecuritySettings(verify, false, List.of(KEY)), Clock.systemUTC());
    protocol =
        new CognitoSyncProtocol(
            ServiceModel.load(),
            engine,
            new CallerResolver(Caller.DEFAULT_ACCOUNT_ID, authenticator));
    signed = sign(Fixtures.datasetPath(0, 1) + "/records", Map.of("lastSyncCount", "0"));
    ProtocolResponse answer = protocol.handle(signed);
    if (answer.status() != 200) {
      throw new IllegalStateException("the signed request was refused: " + answer.bodyText());
    }
  }

  /** Signed now: the trial ends well within the 15 minutes of skew the service allows. */
  static ProtocolRequest sign(String encodedPath, Map<String, String> query) {
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.GET)
            .protocol("http")
            .host("127.0.0.1")
            .port(8080)
            .encodedPath(encodedPath);
    query.forEach(request::putRawQueryParameter);
    Fixtures.SDK_HEADERS.forEach(
        (name, value) -> {
          if (!UNSIGNED.contains(name.toLowerCase(Locale.ROOT))) {
            request.putHeader(name, value);
          }
        });
    SdkHttpFullRequest signedRequest =
        Aws4Signer.create()
            .sign(
                request.build(),
                Aws4SignerParams.builder()
                    .awsCredentials(
                        AwsBasicCredentials.create(KEY.accessKeyId(), KEY.secretAccessKey()))
                    .signingName("cognito-sync")
                    .signingRegion(Region.US_EAST_1)
                    .build());
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    signedRequest.forEachHeader((name, values) -> headers.put(name, values.get(0)));
    StringBuilder url = new StringBuilder(encodedPath);
    query.forEach(
        (k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
    return new ProtocolRequest("GET", url.toString(), headers, null);
  }

  @Benchmark
  public ProtocolResponse signedListRecords() {
    return protocol.handle(signed);
  }
}
