package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.PostServeAction;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.ConnectionFault;
import dev.cognitosyncmock.sdk.SdkCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * The fast path answers the mock's own requests in the servlet filter, without WireMock's stub
 * matching, and only while nothing a user configured could notice: each test names the property it
 * covers. Which path served a request is read from {@link FastPath#served()}.
 */
class FastPathTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String LIST_RECORDS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets/settings/records";
  static final String LIST_DATASETS =
      "/identitypools/us-east-1%3A11111111-2222-3333-4444-555555555555"
          + "/identities/us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/datasets";
  static final String UPDATE_RECORDS = LIST_DATASETS + "/settings";
  static final String UPDATE_BODY =
      "{\"SyncSessionToken\":\"%s\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"theme\","
          + "\"Value\":\"dark\",\"SyncCount\":0}]}";

  final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @BeforeEach
  void onWireMockLinesThatHaveIt() {
    assumeTrue(FastPath.PORTED, "the fast path is not ported to this WireMock line");
  }

  static CognitoSyncServer start(Consumer<CognitoSyncServer.Builder> options) {
    CognitoSyncServer.Builder b = CognitoSyncServer.builder();
    options.accept(b);
    return b.build().start();
  }

  HttpResponse<String> send(CognitoSyncServer server, String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .header("Content-Type", "application/json")
            .header("X-Test", "journalled")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(CognitoSyncServer server, String path) throws Exception {
    return send(server, "GET", path, null);
  }

  /** ListRecords, then UpdateRecords with its token: a stateful pair. */
  HttpResponse<String> listThenUpdate(CognitoSyncServer server) throws Exception {
    HttpResponse<String> listed = get(server, LIST_RECORDS);
    String token = Json.MAPPER.readTree(listed.body()).get("SyncSessionToken").asString();
    return send(server, "POST", UPDATE_RECORDS, UPDATE_BODY.formatted(token));
  }

  @Test
  @DisplayName("fast path: on by default, it serves the AWS SDK v2's calls")
  void fastPath_servesSdkCalls() {
    try (CognitoSyncServer server = start(b -> {});
        CognitoSyncClient sdk =
            SdkCalls.syncClient(
                server.endpoint(), AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"))) {
      assertThat(server.fastPath().offBecause()).isEmpty();
      ListRecordsResponse listed = SdkCalls.list(sdk, POOL, IDENTITY, "settings", 0);
      SdkCalls.put(sdk, POOL, IDENTITY, "settings", listed.syncSessionToken(), "theme", "dark", 0);
      assertThat(SdkCalls.list(sdk, POOL, IDENTITY, "settings", 0).records())
          .singleElement()
          .satisfies(r -> assertThat(r.value()).isEqualTo("dark"));
      assertThat(server.fastPath().served()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("fast path: a user's stub still wins; removing it brings the fast path back")
  void fastPath_userStubStillWins() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      StubMapping stub =
          server
              .wireMock()
              .stubFor(
                  WireMock.get(urlPathMatching(".*/datasets/settings/records"))
                      .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"stub\"}")));
      assertThat(get(server, LIST_RECORDS).statusCode()).isEqualTo(429);
      // a request the user's stub does not match still takes WireMock's path: the stub might
      assertThat(get(server, LIST_DATASETS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isZero();
      server.wireMock().removeStub(stub);
      assertThat(get(server, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("fast path: resetAll and resetToDefault remove user stubs, and it comes back")
  void fastPath_userStubStillWins_untilReset() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      server.wireMock().stubFor(WireMock.get(urlPathMatching("/other")).willReturn(aResponse()));
      get(server, LIST_RECORDS);
      assertThat(server.fastPath().served()).isZero();
      server.wireMock().resetAll();
      get(server, LIST_RECORDS);
      assertThat(server.fastPath().served()).isEqualTo(1);
      server.wireMock().stubFor(WireMock.get(urlPathMatching("/other")).willReturn(aResponse()));
      get(server, LIST_RECORDS);
      assertThat(server.fastPath().served()).isEqualTo(1);
      server.wireMock().resetToDefaultMappings();
      get(server, LIST_RECORDS);
      assertThat(server.fastPath().served()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("fast path: an edited catch-all (a delay, say) is a user's stub: WireMock's path")
  void fastPath_userStubStillWins_editedCatchAll() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      server
          .wireMock()
          .editStub(
              any(anyUrl())
                  .withId(CognitoSyncWireMockExtension.CATCH_ALL_STUB_ID)
                  .atPriority(CognitoSyncWireMockExtension.CATCH_ALL_PRIORITY)
                  .willReturn(
                      aResponse()
                          .withTransformers(CognitoSyncWireMockExtension.NAME)
                          .withHeader("X-Edited", "yes")));
      HttpResponse<String> r = get(server, LIST_RECORDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isZero();
    }
  }

  @Test
  @DisplayName("fast path: stubs loaded from the files root's mappings win")
  void fastPath_userStubStillWins_mappingsDirectory() throws Exception {
    Path mappings = Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("__files"));
    Files.writeString(
        mappings.resolve("limited.json"),
        """
        {"request": {"method": "GET", "urlPathPattern": ".*/datasets/settings/records"},
         "response": {"status": 429, "body": "{\\"message\\":\\"from mappings\\"}"}}""");
    try (CognitoSyncServer server = start(b -> b.options(optionsWith(o -> o.rootDirectory(dir))))) {
      HttpResponse<String> r = get(server, LIST_RECORDS);
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.body()).contains("from mappings");
      assertThat(get(server, LIST_DATASETS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isZero();
    }
  }

  static dev.cognitosyncmock.options.CognitoSyncOptions optionsWith(
      Consumer<dev.cognitosyncmock.options.CognitoSyncOptions.Builder> set) {
    var b = dev.cognitosyncmock.options.CognitoSyncOptions.builder();
    set.accept(b);
    return b.build();
  }

  @Test
  @DisplayName(
      "fast path: the request journal records its calls as WireMock's path does (verify, findAll,"
          + " serve events)")
  void fastPath_journalRecordsEveryCall() throws Exception {
    try (CognitoSyncServer fast = start(b -> {});
        CognitoSyncServer normal = start(b -> b.options(optionsWith(o -> o.fastPath(false))))) {
      listThenUpdate(fast);
      listThenUpdate(normal);
      assertThat(fast.fastPath().served()).isEqualTo(2);
      assertThat(normal.fastPath().served()).isZero();
      for (CognitoSyncServer server : List.of(fast, normal)) {
        server.wireMock().verify(1, getRequestedFor(WireMock.urlEqualTo(LIST_RECORDS)));
        server
            .wireMock()
            .verify(
                1,
                postRequestedFor(WireMock.urlEqualTo(UPDATE_RECORDS))
                    .withHeader("X-Test", WireMock.equalTo("journalled"))
                    .withRequestBody(WireMock.containing("RecordPatches")));
        assertThat(server.wireMock().findAll(anyRequestedFor(anyUrl()))).hasSize(2);
      }
      List<ServeEvent> fastEvents = fast.wireMock().getAllServeEvents();
      List<ServeEvent> normalEvents = normal.wireMock().getAllServeEvents();
      assertThat(fastEvents).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(journalled(fastEvents.get(i))).isEqualTo(journalled(normalEvents.get(i)));
      }
      ServeEvent update = fastEvents.get(0);
      assertThat(update.getRequest().getBodyAsString()).contains("\"Value\":\"dark\"");
      assertThat(update.getRequest().getId()).isEqualTo(update.getId());
      assertThat(update.getResponse().getBodyAsString()).contains("\"SyncCount\":1");
      assertThat(update.getTiming()).isNotNull();
    }
  }

  /** What a journal entry says, without what differs between two runs (ids, dates, tokens). */
  static Map<String, Object> journalled(ServeEvent e) {
    LoggedRequest q = e.getRequest();
    return Map.of(
        "request",
        List.of(
            q.getMethod().getName(),
            q.getUrl(),
            q.getHeader("X-Test"),
            q.getHeader("Content-Type"),
            String.valueOf(q.getBodyAsString().replaceAll("\"SyncSessionToken\":\"[^\"]*\"", ""))),
        "headers",
        new TreeSet<>(q.getAllHeaderKeys()),
        "matched",
        List.of(e.getWasMatched(), e.getStubMapping().getId()),
        "definition",
        List.of(
            e.getResponseDefinition().getStatus(),
            e.getResponseDefinition().getTransformers(),
            headerNames(e.getResponseDefinition().getHeaders().keys())),
        "response",
        List.of(
            e.getResponse().getStatus(),
            headerNames(e.getResponse().getHeaders().keys()),
            e.getResponse().getHeaders().getContentTypeHeader().firstValue(),
            comparable(e.getResponse().getBodyAsString())));
  }

  static Set<String> headerNames(Set<String> names) {
    return names.stream()
        .map(n -> n.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("fast path: a journal of size 0 stays off, a capped one keeps the newest")
  void fastPath_journalDisabledAndCapHonoured() throws Exception {
    try (CognitoSyncServer off = start(b -> b.requestJournalSize(0));
        CognitoSyncServer capped = start(b -> b.requestJournalSize(2))) {
      assertThat(get(off, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(off.fastPath().served()).isEqualTo(1);
      assertThatThrownBy(() -> off.wireMock().getAllServeEvents()).hasMessageContaining("journal");
      get(capped, LIST_RECORDS);
      get(capped, LIST_DATASETS);
      send(capped, "DELETE", UPDATE_RECORDS, null);
      assertThat(capped.fastPath().served()).isEqualTo(3);
      assertThat(capped.wireMock().getAllServeEvents())
          .extracting(e -> e.getRequest().getMethod().getName())
          .containsExactly("DELETE", "GET");
    }
  }

  @Test
  @DisplayName(
      "fast path: the same status, headers and body as WireMock's path, no Matched-Stub headers")
  void fastPath_sameAnswerAsNormalPath() throws Exception {
    try (CognitoSyncServer fast = start(b -> {});
        CognitoSyncServer normal = start(b -> b.options(optionsWith(o -> o.fastPath(false))))) {
      List<String[]> calls =
          List.of(
              new String[] {"GET", LIST_RECORDS, null},
              new String[] {"GET", LIST_DATASETS, null},
              new String[] {"POST", LIST_RECORDS, "{not json"},
              new String[] {"GET", "/no/such/operation", null},
              new String[] {"POST", "/", "Action=GetCallerIdentity&Version=2011-06-15"});
      for (String[] call : calls) {
        HttpResponse<String> a = send(fast, call[0], call[1], call[2]);
        HttpResponse<String> b = send(normal, call[0], call[1], call[2]);
        assertThat(a.statusCode()).as(call[1]).isEqualTo(b.statusCode());
        assertThat(answerHeaders(a)).as(call[1]).isEqualTo(answerHeaders(b));
        assertThat(a.headers().firstValue("Content-Type"))
            .as(call[1])
            .isEqualTo(b.headers().firstValue("Content-Type"));
        assertThat(a.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(a.headers().map().keySet())
            .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("matched-stub"));
        assertThat(comparable(a.body())).as(call[1]).isEqualTo(comparable(b.body()));
      }
      assertThat(fast.fastPath().served()).isEqualTo(calls.size());
      assertThat(normal.fastPath().served()).isZero();
    }
  }

  /** Header names, and values of those that do not change from call to call. */
  static Map<String, List<String>> answerHeaders(HttpResponse<String> r) {
    return r.headers().map().entrySet().stream()
        .filter(e -> !e.getKey().equals(":status"))
        .collect(
            Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT),
                e ->
                    Set.of("x-amzn-requestid", "date").contains(e.getKey().toLowerCase(Locale.ROOT))
                        ? List.of("varies")
                        : e.getValue()));
  }

  /** The body without what differs between two runs: tokens, dates, request ids. */
  static String comparable(String body) {
    return body.replaceAll("\"SyncSessionToken\":\"[^\"]*\"", "")
        .replaceAll("Date\":[0-9.]+", "Date\":0")
        .replaceAll("<RequestId>[^<]*</RequestId>", "");
  }

  @Test
  @DisplayName("fast path: the service's fault rules apply: errors, delays, connection faults")
  void fastPath_faultRulesApply() throws Exception {
    try (CognitoSyncServer server = start(b -> {});
        CognitoSyncClient sdk =
            SdkCalls.syncClient(
                server.endpoint(), AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"))) {
      server
          .service()
          .faults()
          .add(FaultRule.on("ListRecords").nthCall(1).error(ErrorShape.TooManyRequestsException));
      assertThatThrownBy(() -> SdkCalls.list(sdk, POOL, IDENTITY, "settings", 0))
          .isInstanceOf(TooManyRequestsException.class);
      server.service().faults().add(FaultRule.on("ListDatasets").delay(Duration.ofMillis(50)));
      assertThat(get(server, LIST_DATASETS).statusCode()).isEqualTo(200);
      server
          .service()
          .faults()
          .add(
              FaultRule.on("DescribeDataset")
                  .connectionFault(ConnectionFault.CONNECTION_RESET_BY_PEER));
      assertThatThrownBy(() -> get(server, LIST_DATASETS + "/settings"))
          .isInstanceOf(IOException.class);
      assertThat(server.fastPath().served()).isEqualTo(3);
      assertThat(server.wireMock().getAllServeEvents().get(0).getResponse().getFault())
          .isEqualTo(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    }
  }

  @Test
  @DisplayName("fast path: scenario recording sees its calls")
  void fastPath_scenarioRecording() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      server.service().faults().recorder().start("fast", null);
      listThenUpdate(server);
      Scenario recorded = server.service().faults().recorder().stop();
      assertThat(recorded.steps())
          .extracting(s -> s.operation())
          .containsExactly("ListRecords", "UpdateRecords");
      assertThat(server.fastPath().served()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("fast path: admin requests and WireMock's files never take it")
  void fastPath_adminRequestsNever() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      assertThat(get(server, "/__admin/mappings").statusCode()).isEqualTo(200);
      assertThat(get(server, "/__admin/cognito-sync/state").statusCode()).isEqualTo(200);
      assertThat(get(server, "/__admin/health").statusCode()).isEqualTo(200);
      get(server, "/__files/none.json");
      assertThat(server.fastPath().served()).isZero();
    }
  }

  @Test
  @DisplayName("fast path: off while WireMock proxies and records; back after recording stops")
  void fastPath_proxyRecordingTurnsItOff() throws Exception {
    try (CognitoSyncServer target = start(b -> {});
        CognitoSyncServer server = start(b -> b.options(optionsWith(o -> o.rootDirectory(dir))))) {
      server.wireMock().startRecording(CognitoSyncRecording.spec(target.endpoint().toString()));
      assertThat(get(server, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isZero();
      assertThat(target.fastPath().served()).isEqualTo(1); // the proxied call
      server.wireMock().stopRecording().getStubMappings().forEach(server.wireMock()::removeStub);
      get(server, LIST_RECORDS);
      assertThat(server.fastPath().served()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("fast path: --fast-path=false sends every request through WireMock")
  void fastPath_optionTurnsItOff() throws Exception {
    try (CognitoSyncServer server = start(b -> b.options(optionsWith(o -> o.fastPath(false))))) {
      assertThat(get(server, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isZero();
      assertThat(server.fastPath().offBecause()).hasValueSatisfying(s -> s.contains("--fast-path"));
    }
  }

  /** A serve-event listener of the user's, acting on every request. */
  static final class CountingListener implements ServeEventListener {
    final List<String> phases = new CopyOnWriteArrayList<>();
    final CountDownLatch completed = new CountDownLatch(1);

    @Override
    public String getName() {
      return "counting-listener";
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
      phases.add("beforeResponseSent");
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
      phases.add("afterComplete");
      completed.countDown();
    }
  }

  /** A post-serve action of the user's: WireMock calls its global hook on every request. */
  static final class CountingAction extends PostServeAction {
    final List<String> served = new CopyOnWriteArrayList<>();
    final CountDownLatch completed = new CountDownLatch(1);

    @Override
    public String getName() {
      return "counting-action";
    }

    @Override
    public void doGlobalAction(ServeEvent serveEvent, Admin admin) {
      served.add(serveEvent.getRequest().getUrl());
      completed.countDown();
    }
  }

  @Test
  @DisplayName(
      "fast path: a user's serve-event listener or post-serve action turns it off, and fires")
  void fastPath_serveEventListenersStillFire() throws Exception {
    CountingListener listener = new CountingListener();
    CountingAction action = new CountingAction();
    try (CognitoSyncServer withListener =
            start(b -> b.wireMockOptions(c -> c.extensions(listener)));
        CognitoSyncServer withAction = start(b -> b.wireMockOptions(c -> c.extensions(action)))) {
      assertThat(get(withListener, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(get(withAction, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(withListener.fastPath().offBecause())
          .hasValueSatisfying(s -> assertThat(s).contains("counting-listener"));
      assertThat(withAction.fastPath().offBecause())
          .hasValueSatisfying(s -> assertThat(s).contains("counting-action"));
      assertThat(withListener.fastPath().served()).isZero();
      assertThat(withAction.fastPath().served()).isZero();
      // both run after the answer is sent
      assertThat(listener.completed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(action.completed.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(listener.phases).containsExactly("beforeResponseSent", "afterComplete");
      assertThat(action.served).containsExactly(LIST_RECORDS);
    }
  }

  @Test
  @DisplayName("fast path: a request listener added to WireMock turns it off, and is called")
  void fastPath_serveEventListenersStillFire_requestListener() throws Exception {
    try (CognitoSyncServer server = start(b -> {})) {
      get(server, LIST_RECORDS);
      List<String> heard = new CopyOnWriteArrayList<>();
      server.wireMock().addMockServiceRequestListener((q, r) -> heard.add(q.getUrl()));
      get(server, LIST_DATASETS);
      assertThat(heard).containsExactly(LIST_DATASETS);
      assertThat(server.fastPath().served()).isEqualTo(1);
    }
  }

  /** A stub request filter of the user's. */
  static final class HeaderFilter implements StubRequestFilterV2 {
    @Override
    public String getName() {
      return "header-filter";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      return RequestFilterAction.continueWith(request);
    }
  }

  /** A global response transformer of the user's. */
  static final class StampingTransformer implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return "stamping-transformer";
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      return Response.Builder.like(response)
          .but()
          .headers(
              response
                  .getHeaders()
                  .plus(new com.github.tomakehurst.wiremock.http.HttpHeader("X-Stamp", "1")))
          .build();
    }
  }

  @Test
  @DisplayName(
      "fast path: what WireMock would do to every request (filters, global transformers,"
          + " logging, browser proxying, CORS, asynchronous delays, the user's stores) turns it off")
  void fastPath_userConfigurationTurnsItOff() throws Exception {
    Map<String, Consumer<WireMockConfiguration>> configurations =
        Map.of(
            "header-filter", c -> c.extensions(new HeaderFilter()),
            "stamping-transformer", c -> c.extensions(new StampingTransformer()),
            "logs every request", c -> c.stubRequestLoggingDisabled(false),
            "browser proxying", c -> c.enableBrowserProxying(true),
            "CORS", c -> c.stubCorsEnabled(true),
            "asynchronously", c -> c.asynchronousResponseEnabled(true),
            "response-template", c -> c.globalTemplating(true),
            "stores", c -> c.withStores(new DefaultStores(c.filesRoot()) {}));
    for (var e : configurations.entrySet()) {
      try (CognitoSyncServer server = start(b -> b.wireMockOptions(e.getValue()))) {
        HttpResponse<String> r = get(server, LIST_RECORDS);
        assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
        assertThat(server.fastPath().served()).as(e.getKey()).isZero();
        assertThat(server.fastPath().offBecause())
            .as(e.getKey())
            .hasValueSatisfying(s -> assertThat(s).containsIgnoringCase(e.getKey()));
        if (e.getKey().equals("stamping-transformer")) {
          assertThat(r.headers().firstValue("X-Stamp")).contains("1");
        }
      }
    }
  }

  @Test
  @DisplayName("fast path: the body limit, admin token and HTTP-layer error shapes still apply")
  void fastPath_guardStillApplies() throws Exception {
    try (CognitoSyncServer server =
        start(b -> b.maxRequestBodySize(1024).options(optionsWith(o -> o.adminToken("secret"))))) {
      HttpResponse<String> large = send(server, "POST", LIST_RECORDS, "x".repeat(2048));
      assertThat(large.statusCode()).isEqualTo(413);
      assertThat(large.headers().firstValue("x-amzn-ErrorType"))
          .contains("RequestEntityTooLargeException");
      assertThat(get(server, "/__admin/cognito-sync/state").statusCode()).isEqualTo(401);
      assertThat(get(server, LIST_RECORDS).statusCode()).isEqualTo(200);
      assertThat(server.fastPath().served()).isEqualTo(1);
    }
  }
}
