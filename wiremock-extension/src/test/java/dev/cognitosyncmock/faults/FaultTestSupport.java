package dev.cognitosyncmock.faults;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.sdk.SdkCalls;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClientBuilder;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsResponse;

/** Clients, requests and the request journal, shared by the fault tests. */
final class FaultTestSupport {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FaultTestSupport() {}

  /** The real SDK v2 client with its default retry policy. */
  static CognitoSyncClient sdk(URI endpoint) {
    return sdk(endpoint, b -> {});
  }

  /** The real SDK v2 client that does not retry: every call is one request. */
  static CognitoSyncClient sdkWithoutRetries(URI endpoint) {
    return sdk(
        endpoint,
        b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
  }

  static CognitoSyncClient sdk(URI endpoint, Consumer<CognitoSyncClientBuilder> extra) {
    CognitoSyncClientBuilder b =
        CognitoSyncClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .httpClient(UrlConnectionHttpClient.create());
    extra.accept(b);
    return b.build();
  }

  static ListRecordsResponse list(CognitoSyncClient c, String dataset, long lastSyncCount) {
    return SdkCalls.list(c, POOL, IDENTITY, dataset, lastSyncCount);
  }

  static UpdateRecordsResponse put(
      CognitoSyncClient c, String dataset, String token, String key, String value, long syncCount) {
    return SdkCalls.put(c, POOL, IDENTITY, dataset, token, key, value, syncCount);
  }

  /** The requests WireMock journaled for one operation, oldest first. */
  static List<LoggedRequest> journal(CognitoSyncServer server, String operation) {
    List<ServeEvent> events = new ArrayList<>(server.wireMock().getAllServeEvents());
    java.util.Collections.reverse(events); // WireMock lists the newest first
    List<LoggedRequest> out = new ArrayList<>();
    for (ServeEvent e : events) {
      if (operation(server, e.getRequest()).filter(operation::equals).isPresent()) {
        out.add(e.getRequest());
      }
    }
    return out;
  }

  static Optional<String> operation(CognitoSyncServer server, LoggedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.firstValue());
    }
    return server
        .service()
        .describe(
            new ProtocolRequest(
                request.getMethod().getName(), request.getUrl(), headers, request.getBody()))
        .map(OperationCall::operation);
  }

  /** The SDK's attempt number, from {@code amz-sdk-request: attempt=2; max=4}. */
  static int attempt(LoggedRequest request) {
    return sdkRequestField(request, "attempt");
  }

  static int maxAttempts(LoggedRequest request) {
    return sdkRequestField(request, "max");
  }

  private static int sdkRequestField(LoggedRequest request, String field) {
    String header = request.getHeader("amz-sdk-request");
    for (String part : header.split(";")) {
      String[] kv = part.trim().split("=");
      if (kv[0].equals(field)) {
        return Integer.parseInt(kv[1]);
      }
    }
    throw new AssertionError("no " + field + " in amz-sdk-request: " + header);
  }

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String admin(CognitoSyncServer server) {
    return "http://127.0.0.1:" + server.port() + "/__admin/cognito-sync";
  }

  static String recordsPath(String dataset) {
    return "/identitypools/"
        + POOL.replace(":", "%3A")
        + "/identities/"
        + IDENTITY.replace(":", "%3A")
        + "/datasets/"
        + dataset
        + "/records";
  }
}
