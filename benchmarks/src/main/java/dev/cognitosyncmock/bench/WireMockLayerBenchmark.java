package dev.cognitosyncmock.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.direct.DirectCallHttpServer;
import com.github.tomakehurst.wiremock.direct.DirectCallHttpServerFactory;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import dev.cognitosyncmock.wiremock.ConstantTimeJournalStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The sync cycle through WireMock's request handling without sockets or Jetty (WireMock's {@link
 * DirectCallHttpServer}): stub matching, request journal, transformers and response rendering, as
 * the HTTP benchmark has them minus the network. Three servers:
 *
 * <ul>
 *   <li>{@code mock}: the mock as {@link CognitoSyncServer} builds it, request journal capped at
 *       its default 1000 entries;
 *   <li>{@code mock-journal0}: the same with the journal off ({@code requestJournalSize(0)});
 *   <li>{@code mock-o1journal}: the journal capped at 1000 as by default, but kept by the proposed
 *       {@link ConstantTimeJournalStore};
 *   <li>{@code wiremock-static}: plain WireMock, journal off, two static stubs answering with
 *       bodies of the mock's own size, as in run-http.sh.
 * </ul>
 *
 * Single-threaded: this is cost per request, not throughput.
 */
@State(Scope.Thread)
public class WireMockLayerBenchmark extends AverageTimeBenchmark {
  static final int DATASETS = 1000;
  static final int DATASETS_PER_IDENTITY = 4;
  static final String BASE = "http://localhost:8080";

  @Param({"mock", "mock-journal0", "mock-o1journal", "wiremock-static"})
  public String server;

  CognitoSyncServer mock;
  WireMockServer wireMock;
  DirectCallHttpServer direct;
  HttpHeaders headers;
  String[] paths;
  String[] recordKeys;
  long[] counts;
  int next;
  long value;

  @Setup(Level.Trial)
  public void setUp() {
    DirectCallHttpServerFactory factory = new DirectCallHttpServerFactory();
    List<HttpHeader> h = new ArrayList<>();
    Fixtures.SDK_HEADERS.forEach((k, v) -> h.add(new HttpHeader(k, v)));
    headers = new HttpHeaders(h);
    paths = new String[DATASETS];
    recordKeys = new String[DATASETS];
    counts = new long[DATASETS];
    for (int g = 0; g < DATASETS; g++) {
      paths[g] = Fixtures.datasetPath(g, DATASETS_PER_IDENTITY);
      recordKeys[g] = "k" + g;
      counts[g] = 1;
    }
    if (server.startsWith("mock")) {
      mock =
          CognitoSyncServer.builder()
              .requestJournalSize(
                  server.equals("mock-journal0")
                      ? 0
                      : CognitoSyncServer.DEFAULT_REQUEST_JOURNAL_SIZE)
              .wireMockOptions(
                  c -> {
                    c.httpServerFactory(factory);
                    if (server.equals("mock-o1journal")) {
                      c.withStores(new ConstantTimeJournalStore.Stores(c.filesRoot()));
                    }
                  })
              .build()
              .start();
      Fixtures.seed(mock.service().engine(), DATASETS, DATASETS_PER_IDENTITY);
      wireMock = mock.wireMock();
    } else {
      wireMock =
          new WireMockServer(
              options()
                  .httpServerFactory(factory)
                  .disableRequestJournal()
                  .stubRequestLoggingDisabled(true));
      wireMock.start();
      // bodies of the mock's own answers, as run-http.sh captures them
      String list =
          "{\"Records\":[{\"Key\":\"k0\",\"Value\":\"v0000000000\",\"SyncCount\":1,"
              + "\"LastModifiedDate\":1763726400.123,\"LastModifiedBy\":\"123456789012\","
              + "\"DeviceLastModifiedDate\":1763726400.123}],\"Count\":1,\"DatasetSyncCount\":1,"
              + "\"LastModifiedBy\":\"123456789012\",\"MergedDatasetNames\":[],\"DatasetExists\":true,"
              + "\"DatasetDeletedAfterRequestedSyncCount\":false,\"SyncSessionToken\":\"H4sIAAAAAAAA/23Ku"
              + "RHAMAgF0Zxe/gyga3A3ElYF2P1bgQIFfsFG6xFCXth4zILuaSB3NpgNAavZbLM3Z6c3MHs8kEs26IK0IC8oh2Pn"
              + "DT/ZhO5gkmZFrWpKUuUDyUIbipkAAAA=\"}";
      String update =
          "{\"Records\":[{\"Key\":\"k0\",\"Value\":\"v0000000000\",\"SyncCount\":2,"
              + "\"LastModifiedDate\":1763726400.123,\"LastModifiedBy\":\"123456789012\","
              + "\"DeviceLastModifiedDate\":1763726400.123}]}";
      wireMock.stubFor(
          get(urlPathMatching("/identitypools/[^/]+/identities/[^/]+/datasets/[^/]+/records"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withHeader("x-amzn-RequestId", "7d3f5b0e-1c2a-4e5f-8a9b-0c1d2e3f4a5b")
                      .withBody(list)));
      wireMock.stubFor(
          post(urlPathMatching("/identitypools/[^/]+/identities/[^/]+/datasets/[^/]+"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withHeader("x-amzn-RequestId", "7d3f5b0e-1c2a-4e5f-8a9b-0c1d2e3f4a5b")
                      .withBody(update)));
    }
    direct = factory.getHttpServer();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    wireMock.stop();
  }

  @Benchmark
  public Response syncCycle() {
    int g = next;
    next = (g + 1) % DATASETS;
    Response listed =
        direct.stubRequest(
            request(
                RequestMethod.GET, paths[g] + "/records?lastSyncCount=" + (counts[g] - 1), null));
    String token = ProtocolBenchmark.token(listed.getBody());
    String body =
        "{\"SyncSessionToken\":\""
            + token
            + "\",\"DeviceId\":\"bench\","
            + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\""
            + recordKeys[g]
            + "\",\"Value\":\"v"
            + (value++)
            + "\",\"SyncCount\":"
            + counts[g]
            + ",\"DeviceLastModifiedDate\":1763726400.123}]}";
    Response updated =
        direct.stubRequest(
            request(RequestMethod.POST, paths[g], body.getBytes(StandardCharsets.UTF_8)));
    if (updated.getStatus() != 200) {
      throw new IllegalStateException(updated.getBodyAsString());
    }
    counts[g]++;
    return updated;
  }

  private Request request(RequestMethod method, String url, byte[] body) {
    ImmutableRequest.Builder b =
        ImmutableRequest.create()
            .withAbsoluteUrl(BASE + url)
            .withMethod(method)
            .withProtocol("HTTP/1.1")
            .withClientIp("127.0.0.1")
            .withHeaders(headers);
    if (body != null) {
      b.withBody(body);
    }
    return b.build();
  }
}
