package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.list;
import static dev.cognitosyncmock.faults.FaultTestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cognitosyncmock.wiremock.CognitoSyncRecording;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import dev.cognitosyncmock.wiremock.RecordingSigner;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * Proxy recording signs each request again for the recorded endpoint: a client pointed at the mock
 * signs for the mock's host, which the real service would refuse. The "AWS" here is a second mock;
 * the test checks each signature it received against the AWS SDK's own SigV4 signer.
 */
class RecordingSignerTest {
  static final RecordingSigner.Credentials RECORDING =
      new RecordingSigner.Credentials(
          "AKIDRECORDINGACCOUNT", "recording/secret+key", "session-token-for-recording");
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Test
  void proxiedRequestsCarryAValidSignatureOfTheRecordingAccount(@TempDir Path root)
      throws Exception {
    try (CognitoSyncServer aws = CognitoSyncServer.builder().build().start()) {
      URI target = URI.create("http://127.0.0.1:" + aws.port());
      RecordingSigner signer =
          new RecordingSigner(target, RECORDING, "eu-west-1", Clock.systemUTC());
      try (CognitoSyncServer recorder =
              CognitoSyncServer.builder()
                  // recorded mappings go to a directory of their own, not src/test/resources
                  .wireMockOptions(
                      c -> c.extensions(signer).usingFilesUnderDirectory(root.toString()))
                  .build()
                  .start();
          CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(recorder.endpoint())) {
        recorder.wireMock().startRecording(CognitoSyncRecording.spec(target.toString()));
        String token = list(client, "settings", 0).syncSessionToken();
        put(client, "settings", token, "theme", "dark mode: on", 0);
        // a query with characters to encode; whether the token is accepted does not matter
        try {
          client.listRecords(
              r ->
                  r.identityPoolId(FaultTestSupport.POOL)
                      .identityId(FaultTestSupport.IDENTITY)
                      .datasetName("settings")
                      .lastSyncCount(0L)
                      .maxResults(10)
                      .nextToken("a+b/c= d"));
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException refused) {
          assertThat(refused.statusCode()).isEqualTo(400);
        }
        recorder.wireMock().stopRecording();
      }

      List<ServeEvent> received = aws.wireMock().getAllServeEvents();
      assertThat(received).hasSize(3);
      for (ServeEvent e : received) {
        LoggedRequest r = e.getRequest();
        assertThat(r.getHeader("Authorization"))
            .startsWith("AWS4-HMAC-SHA256 Credential=AKIDRECORDINGACCOUNT/")
            .contains("/eu-west-1/cognito-sync/aws4_request")
            .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
        // signed for the Host header the endpoint actually receives
        assertThat(r.getHeader("Host")).isEqualTo("127.0.0.1:" + aws.port());
        assertThat(r.getHeader("X-Amz-Security-Token")).isEqualTo(RECORDING.sessionToken());
        assertThat(r.getHeaders().getHeader("Authorization").values()).hasSize(1);
        assertThat(r.getHeader("Authorization")).isEqualTo(sdkSignature(r, aws.port()));
      }
      assertThat(received)
          .extracting(e -> e.getResponse().getStatus())
          .endsWith(200, 200); // newest first: ListRecords and UpdateRecords went through
    }
  }

  @Test
  void theRegionComesFromTheEndpointsHostName() {
    assertThat(RecordingSigner.regionOf(URI.create("https://cognito-sync.eu-west-1.amazonaws.com")))
        .isEqualTo("eu-west-1");
    assertThat(
            RecordingSigner.regionOf(
                URI.create("https://cognito-sync.cn-north-1.amazonaws.com.cn")))
        .isEqualTo("cn-north-1");
    assertThat(RecordingSigner.regionOf(URI.create("http://127.0.0.1:8080")))
        .isEqualTo("us-east-1");
    assertThat(RecordingSigner.Credentials.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "a")))
        .isEmpty();
    assertThat(
            RecordingSigner.Credentials.fromEnvironment(
                Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b")))
        .hasValue(new RecordingSigner.Credentials("a", "b", null));
  }

  /** What the AWS SDK's signer makes of the same request at the same instant. */
  private static String sdkSignature(LoggedRequest r, int port) {
    Instant signedAt = AMZ_DATE.parse(r.getHeader("X-Amz-Date"), Instant::from);
    String url = r.getUrl();
    int q = url.indexOf('?');
    SdkHttpFullRequest.Builder request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(r.getMethod().getName()))
            .protocol("http")
            .host("127.0.0.1")
            .port(port)
            .encodedPath(q < 0 ? url : url.substring(0, q));
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        request.appendRawQueryParameter(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    byte[] body = r.getBody();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                s ->
                    s.identity(
                            AwsSessionCredentialsIdentity.create(
                                RECORDING.accessKeyId(),
                                RECORDING.secretAccessKey(),
                                RECORDING.sessionToken()))
                        .request(request.build())
                        .payload(() -> new java.io.ByteArrayInputStream(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-sync")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                        .putProperty(
                            HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
    return signed.request().firstMatchingHeader("Authorization").orElseThrow();
  }
}
