package dev.cognitosyncmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.AuthErrors;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hardening suite: thousands of malformed, oversized, mistyped and hostile requests to every
 * operation, over real HTTP, to an in-process server. Whatever arrives, the answer is a 4xx with a
 * modeled error type (or SerializationException / UnknownOperationException, or an authentication
 * error when signatures are checked), never a 5xx and never a hang, and a refused request leaves
 * the exported state exactly as it was (A1, A5).
 */
class HardeningTest {
  static final String POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String SEED =
      "{\"identityPools\":[{\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
          + "\"identities\":[{\"identityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
          + "\"datasets\":[{\"datasetName\":\"settings\",\"records\":[{\"key\":\"theme\",\"value\":\"dark\"}]}]}]}]}";

  static final Set<String> ALLOWED_ERROR_TYPES = allowedErrorTypes();
  static final Set<String> HTTP_LAYER_TYPES =
      Set.of(
          "BadRequestException",
          "RequestEntityTooLargeException",
          "RequestURITooLongException",
          "RequestHeaderFieldsTooLargeException",
          "ExpectationFailedException",
          "UpgradeRequiredException",
          "RequestTimeoutException",
          "LengthRequiredException",
          "HttpVersionNotSupportedException");
  static final AtomicLong REQUESTS = new AtomicLong();
  static final AtomicLong SERVER_ERRORS = new AtomicLong();
  static final AtomicLong REFUSED_BY_HTTP_LAYER = new AtomicLong();
  static final AtomicLong ACCEPTED = new AtomicLong();

  static CognitoSyncServer server;
  static CognitoSyncServer verifying;

  /** Small body limit and idle timeout: size bounds and framing without megabytes or waits. */
  static CognitoSyncServer bounded;

  static final int BOUNDED_LIMIT = 64 * 1024;

  /** One operation's valid request; labels in {braces} are filled in or made hostile. */
  record Op(
      String name,
      String method,
      String path,
      String query,
      String body,
      List<String> bodyMistypes) {
    List<String> labels() {
      List<String> labels = new ArrayList<>();
      for (String part : path.split("/")) {
        if (part.startsWith("{")) {
          labels.add(part);
        }
      }
      return labels;
    }

    String target(String hostileLabel, String hostileValue, String extraQuery) {
      String p =
          path.replace("{pool}", POOL)
              .replace("{identity}", IDENTITY)
              .replace("{dataset}", "settings")
              .replace("{device}", "device-1");
      if (hostileLabel != null) {
        String real = path;
        for (String l : List.of("{pool}", "{identity}", "{dataset}", "{device}")) {
          real = real.replace(l, l.equals(hostileLabel) ? "\u0000" : fill(l));
        }
        p = real.replace("\u0000", hostileValue);
      }
      String q = query;
      if (extraQuery != null) {
        q = q == null ? extraQuery : q + "&" + extraQuery;
      }
      return q == null ? p : p + "?" + q;
    }

    private static String fill(String label) {
      return switch (label) {
        case "{pool}" -> POOL;
        case "{identity}" -> IDENTITY;
        case "{dataset}" -> "settings";
        default -> "device-1";
      };
    }
  }

  /** A request and whether the mock must refuse it (every mutation here makes it invalid). */
  record Hostile(
      String what,
      String method,
      String target,
      List<String[]> headers,
      byte[] body,
      boolean mustRefuse) {
    @Override
    public String toString() {
      return what
          + ": "
          + method
          + " "
          + RawHttp.clip(target)
          + " headers "
          + headers.stream().map(h -> h[0] + "=" + RawHttp.clip(h[1])).toList()
          + (body == null
              ? ""
              : " body "
                  + body.length
                  + " bytes: "
                  + RawHttp.clip(
                      new String(
                          body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1)));
    }
  }

  static final String DS = "/identitypools/{pool}/identities/{identity}/datasets/{dataset}";
  static final List<Op> OPS =
      List.of(
          new Op(
              "ListRecords",
              "GET",
              DS + "/records",
              "lastSyncCount=0&maxResults=10",
              null,
              List.of()),
          new Op(
              "UpdateRecords",
              "POST",
              DS,
              null,
              "{\"SyncSessionToken\":\"H4sIAAAA\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}",
              List.of(
                  "{\"SyncSessionToken\":5,\"RecordPatches\":[]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":\"replace\"}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"upsert\",\"Key\":\"k\",\"SyncCount\":0}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":-1}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":99999999999999999999999999999}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":1e999999999}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":\"0\"}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"\",\"Value\":\"v\",\"SyncCount\":0}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":-1e308}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0,\"DeviceLastModifiedDate\":\"2024-01-01T00:00:00Z\"}]}",
                  "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}",
                  "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":{\"$ne\":null},\"SyncCount\":0}]}")),
          new Op("DescribeDataset", "GET", DS, null, null, List.of()),
          new Op("DeleteDataset", "DELETE", DS, null, null, List.of()),
          new Op(
              "ListDatasets",
              "GET",
              "/identitypools/{pool}/identities/{identity}/datasets",
              "maxResults=5",
              null,
              List.of()),
          new Op(
              "DescribeIdentityUsage",
              "GET",
              "/identitypools/{pool}/identities/{identity}",
              null,
              null,
              List.of()),
          new Op(
              "DescribeIdentityPoolUsage", "GET", "/identitypools/{pool}", null, null, List.of()),
          new Op("ListIdentityPoolUsage", "GET", "/identitypools", "maxResults=5", null, List.of()),
          new Op(
              "GetIdentityPoolConfiguration",
              "GET",
              "/identitypools/{pool}/configuration",
              null,
              null,
              List.of()),
          new Op(
              "SetIdentityPoolConfiguration",
              "POST",
              "/identitypools/{pool}/configuration",
              null,
              "{\"PushSync\":{\"ApplicationArns\":[\"arn:aws:sns:us-east-1:123456789012:app/GCM/a\"]}}",
              List.of(
                  "{\"PushSync\":\"on\"}",
                  "{\"PushSync\":{\"ApplicationArns\":[5]}}",
                  "{\"PushSync\":{\"RoleArn\":\"not an arn\"}}",
                  "{\"CognitoStreams\":{\"StreamingStatus\":\"SOMETIMES\"}}",
                  "{\"CognitoStreams\":{\"StreamName\":\"\"}}")),
          new Op("GetCognitoEvents", "GET", "/identitypools/{pool}/events", null, null, List.of()),
          new Op(
              "SetCognitoEvents",
              "POST",
              "/identitypools/{pool}/events",
              null,
              "{\"Events\":{\"SyncTrigger\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}",
              List.of(
                  "{\"Events\":[]}",
                  "{\"Events\":{\"SyncTrigger\":5}}",
                  "{\"Events\":{\"NotATrigger\":\"x\"}}",
                  "{}",
                  "{\"Events\":null}")),
          new Op(
              "RegisterDevice",
              "POST",
              "/identitypools/{pool}/identity/{identity}/device",
              null,
              "{\"Platform\":\"GCM\",\"Token\":\"t\"}",
              List.of(
                  "{\"Platform\":\"WINDOWS\",\"Token\":\"t\"}",
                  "{\"Platform\":\"GCM\",\"Token\":5}",
                  "{\"Token\":\"t\"}",
                  "{\"Platform\":[\"GCM\"],\"Token\":\"t\"}")),
          new Op(
              "SubscribeToDataset", "POST", DS + "/subscriptions/{device}", null, null, List.of()),
          new Op(
              "UnsubscribeFromDataset",
              "DELETE",
              DS + "/subscriptions/{device}",
              null,
              null,
              List.of()),
          new Op("BulkPublish", "POST", "/identitypools/{pool}/bulkpublish", null, null, List.of()),
          new Op(
              "GetBulkPublishDetails",
              "POST",
              "/identitypools/{pool}/getBulkPublishDetails",
              null,
              null,
              List.of()));

  static final List<String> WRONG_METHODS =
      List.of("PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND");

  /** Label values no label may take: bad escapes, bad UTF-8, traversal, injections, overlong. */
  static final List<String> HOSTILE_LABELS =
      List.of(
          "..%2F..%2F..%2Fetc%2Fpasswd",
          "%2E%2E%2F%2E%2E%2Fadmin",
          "%FF%FE%FD",
          "%C0%AF",
          "%ED%A0%80",
          "%00",
          "%",
          "%zz",
          "%E2%80%AE%00",
          "a%0D%0AX-Injected:%201",
          "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
          "'%20OR%20'1'%3D'1",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "x".repeat(5000),
          "\u00c3\u0028",
          "\u00ff\u00fe",
          "%F0%9F%92%A9".repeat(100),
          "",
          "us-east-1:" + "0".repeat(300),
          // control characters and unpaired surrogates, percent-encoded as UTF-8 (or CESU-8) would
          "%01",
          "%1F",
          "%7F",
          "%C0%80",
          "%ED%B0%80",
          "%ED%A0%80%ED%B0%80",
          "us-east-1:%00",
          "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeee%ED%A0%80");

  static final List<String> HOSTILE_QUERY_VALUES =
      List.of(
          "abc",
          "1e3",
          "99999999999999999999",
          "%FF",
          "",
          "0x10",
          "1.5",
          "%00",
          "NaN",
          "-9223372036854775809",
          "9223372036854775808",
          "1e19",
          "-1e20",
          "Infinity",
          "-Infinity",
          "1e999999",
          "%ED%A0%80",
          "%01");

  static byte[] tenMegabytes;

  static List<byte[]> badBodies() {
    return List.of(
        "{\"SyncSessionToken\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1),
        "{\"SyncSessionToken\":".getBytes(StandardCharsets.UTF_8),
        "[1,2,3]".getBytes(StandardCharsets.UTF_8),
        "\"just a string\"".getBytes(StandardCharsets.UTF_8),
        "null".getBytes(StandardCharsets.UTF_8),
        "{\"a\":".repeat(50_000).getBytes(StandardCharsets.UTF_8),
        "[".repeat(200_000).getBytes(StandardCharsets.UTF_8),
        "{'single':'quotes'}".getBytes(StandardCharsets.UTF_8),
        "{\"a\":1,}".getBytes(StandardCharsets.UTF_8),
        "<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3},
        tenMegabytes);
  }

  static Set<String> allowedErrorTypes() {
    Set<String> allowed =
        Arrays.stream(ErrorShape.values())
            .map(Enum::name)
            .filter(n -> !n.equals("InternalErrorException"))
            .collect(Collectors.toCollection(HashSet::new));
    // what the HTTP layer answers before any operation is chosen (HttpLayerErrors)
    allowed.addAll(
        List.of(
            "BadRequestException",
            "RequestEntityTooLargeException",
            "RequestURITooLongException",
            "RequestHeaderFieldsTooLargeException",
            "ExpectationFailedException",
            "UpgradeRequiredException",
            "RequestTimeoutException",
            "LengthRequiredException",
            "HttpVersionNotSupportedException"));
    allowed.addAll(
        List.of(
            "SerializationException",
            "UnknownOperationException",
            AuthErrors.MISSING_AUTHENTICATION_TOKEN,
            AuthErrors.INCOMPLETE_SIGNATURE,
            AuthErrors.INVALID_SIGNATURE,
            AuthErrors.REQUEST_EXPIRED,
            AuthErrors.UNRECOGNIZED_CLIENT));
    return allowed;
  }

  @BeforeContainer
  static void start() {
    // 10 MB of something that is not JSON
    byte[] big = new byte[10 * 1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    big[0] = '{';
    tenMegabytes = big;
    server = CognitoSyncServer.builder().build().start();
    server
        .service()
        .engine()
        .importState(AdminApi.readState(SEED.getBytes(StandardCharsets.UTF_8)));
    verifying =
        CognitoSyncServer.builder()
            .service(
                CognitoSyncService.builder()
                    .verifySignatures(true)
                    .enforceCredentialClasses(true)
                    .credentials(
                        AccessKey.developer("AKIAHARDENING0000001", "hardening-secret"),
                        AccessKey.identity(
                            "ASIAHARDENING0000001",
                            "identity-secret",
                            "session",
                            "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"))
                    .build())
            .build()
            .start();
    verifying
        .service()
        .engine()
        .importState(AdminApi.readState(SEED.getBytes(StandardCharsets.UTF_8)));
    bounded =
        CognitoSyncServer.builder()
            .maxRequestBodySize(BOUNDED_LIMIT)
            .idleTimeout(Duration.ofSeconds(3))
            .build()
            .start();
    bounded
        .service()
        .engine()
        .importState(AdminApi.readState(SEED.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterContainer
  static void stopAndReport() {
    server.stop();
    verifying.stop();
    bounded.stop();
    System.out.printf(
        "hardening: %d requests, %d server errors (%d answered 2xx/3xx, %d refused by the"
            + " HTTP layer before the mock)%n",
        REQUESTS.get(), SERVER_ERRORS.get(), ACCEPTED.get(), REFUSED_BY_HTTP_LAYER.get());
  }

  // ---- the properties ----

  @Property(tries = 5000)
  void A5_everyOperationRefusesMalformedMistypedAndHostileRequests(
      @ForAll("mustRefuse") Hostile request) throws IOException {
    check(server, request);
  }

  @Property(tries = 3000)
  void A1_arbitraryGarbageNeverGetsAServerErrorOrAHang(@ForAll("garbage") Hostile request)
      throws IOException {
    check(server, request);
  }

  @Property(tries = 2000)
  void A1_hostileAuthorizationHeadersAreRefusedAsAuthenticationErrors(
      @ForAll("hostileAuthorization") Hostile request) throws IOException {
    RawHttp.Response r = check(verifying, request);
    assertThat(r.status()).as(request.toString()).isIn(400, 403);
  }

  /**
   * Numbers no Long or timestamp holds, in every numeric and timestamp member of an otherwise valid
   * request (a live SyncSessionToken): refused before anything is written (A5).
   */
  @Property(tries = 600)
  void A5_unrepresentableNumbersInEveryNumericAndTimestampMemberAreRefused(
      @ForAll("unrepresentableNumbers") NumberCase c) throws IOException {
    Hostile request = c.build(sessionToken(server, "numbers"));
    check(server, request);
  }

  /**
   * Control characters and unpaired surrogates in every string member. Many members accept them (a
   * record key may hold anything); whatever the mock accepts must read back, page and export, and
   * whatever it refuses changes nothing (A1, C7).
   */
  @Property(tries = 600)
  void A1_controlAndUnpairedSurrogateCharactersInEveryStringMember(
      @ForAll("hostileStrings") StringCase c) throws IOException {
    Hostile request = c.build(sessionToken(server, "strings"));
    RawHttp.Response r = check(server, request);
    if (r.status() < 300) {
      assertReadsBack(server, "strings");
    }
  }

  /**
   * Requests every pool refuses (a missing dataset or device, push sync not configured, a
   * conflicting first write) on a pool never seen before: refused, and the pool is not registered
   * (the state is unchanged, A5).
   */
  @Property(tries = 300)
  void A5_refusedRequestsOnANeverSeenPoolRegisterNothing(
      @ForAll("refusedOnNewPools") Hostile request) throws IOException {
    check(server, request);
  }

  @Provide
  Arbitrary<Hostile> refusedOnNewPools() {
    Arbitrary<String> pool = Arbitraries.create(() -> "us-east-1%3A" + java.util.UUID.randomUUID());
    Arbitrary<String> op =
        Arbitraries.of(
            "DescribeDataset",
            "DeleteDataset",
            "SubscribeToDataset",
            "UnsubscribeFromDataset",
            "RegisterDevice",
            "UpdateRecords");
    return Combinators.combine(pool, op, Arbitraries.integers().between(1, 1000))
        .as(
            (p, name, syncCount) -> {
              Op o = OPS.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
              String target = o.target(null, null, null).replace(POOL, p);
              String body =
                  switch (name) {
                    case "RegisterDevice" -> "{\"Platform\":\"GCM\",\"Token\":\"t\"}";
                    // a live token for this dataset, minted by another server (tokens carry their
                    // dataset, not the server): a first write with SyncCount > 0 is a 409
                    case "UpdateRecords" ->
                        "{\"SyncSessionToken\":\""
                            + mintedToken(target)
                            + "\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\","
                            + "\"SyncCount\":"
                            + syncCount
                            + "}]}";
                    default -> null;
                  };
              return new Hostile(
                  name + " on never-seen pool " + p,
                  o.method(),
                  target,
                  List.of(),
                  body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                  true);
            });
  }

  /** A SyncSessionToken for the dataset at {@code datasetPath}, from the bounded server. */
  static String mintedToken(String datasetPath) {
    try {
      RawHttp.Response r =
          RawHttp.send(bounded.port(), "GET", datasetPath + "/records", List.of(), null);
      return dev.cognitosyncmock.json.Json.MAPPER
          .readTree(r.body())
          .get("SyncSessionToken")
          .asString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Every framing error Jetty can see (request line, version, Host, Content-Length and
   * Transfer-Encoding, chunks, header syntax and size, Expect, a body that ends early): a 4xx (or
   * 505 for a version) in the AWS error shape, or a silent close; never a 5xx or a hang.
   */
  @Property(tries = 500)
  void A1_framingErrorsAreAnsweredInTheAwsErrorShape(@ForAll("framingErrors") RawCase c)
      throws IOException {
    EngineSnapshot before = bounded.service().engine().exportState();
    REQUESTS.incrementAndGet();
    java.util.Optional<RawHttp.Response> answer;
    try {
      answer = RawHttp.sendRaw(bounded.port(), c.bytes(), c.halfClose());
    } catch (RawHttp.Hang e) {
      SERVER_ERRORS.incrementAndGet();
      throw new AssertionError("hang: " + c, e);
    }
    if (answer.isEmpty()) {
      REFUSED_BY_HTTP_LAYER.incrementAndGet(); // closed without answering
      assertThat(bounded.service().engine().exportState()).isEqualTo(before);
      return;
    }
    if (answer.get().status() == 101) {
      // a well-formed request asking for h2c, which Jetty grants: the answer goes on in HTTP/2,
      // which this client does not speak; only a request that asked may be switched
      assertThat(new String(c.bytes(), StandardCharsets.ISO_8859_1))
          .as(c.toString())
          .contains("Upgrade: h2c");
      assertThat(answer.get().header("Upgrade")).as(c.toString()).isEqualToIgnoringCase("h2c");
      ACCEPTED.incrementAndGet();
      return;
    }
    verify(
        bounded,
        new Hostile(c.toString(), c.method(), "(raw)", List.of(), null, c.mustRefuse()),
        answer.get(),
        before);
  }

  /**
   * Bodies above every size bound, as sent (Content-Length or chunked) and once gunzipped
   * (compressed bodies that expand): 413 RequestEntityTooLargeException, nothing read further,
   * nothing changed (A1).
   */
  @Property(tries = 200)
  void A1_bodiesAboveEverySizeBoundAreRefused(@ForAll("oversized") RawCase c) throws IOException {
    EngineSnapshot before = bounded.service().engine().exportState();
    REQUESTS.incrementAndGet();
    RawHttp.Response r =
        RawHttp.sendRaw(bounded.port(), c.bytes(), false)
            .orElseThrow(() -> new AssertionError("no answer to " + c));
    verify(
        bounded, new Hostile(c.toString(), c.method(), "(raw)", List.of(), null, true), r, before);
    assertThat(r.status()).as(c.toString()).isEqualTo(413);
  }

  static String sessionToken(CognitoSyncServer target, String dataset) throws IOException {
    RawHttp.Response r =
        RawHttp.send(
            target.port(),
            "GET",
            DS.replace("{pool}", POOL).replace("{identity}", IDENTITY).replace("{dataset}", dataset)
                + "/records",
            List.of(),
            null);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    return dev.cognitosyncmock.json.Json.MAPPER
        .readTree(r.body())
        .get("SyncSessionToken")
        .asString();
  }

  /** The dataset lists, pages one record at a time to the end, and the state exports. */
  static void assertReadsBack(CognitoSyncServer target, String dataset) throws IOException {
    String path =
        DS.replace("{pool}", POOL).replace("{identity}", IDENTITY).replace("{dataset}", dataset)
            + "/records?maxResults=1";
    RawHttp.Response all =
        RawHttp.send(target.port(), "GET", path.replace("?maxResults=1", ""), List.of(), null);
    assertThat(all.status()).as(all.bodyText()).isEqualTo(200);
    int count = dev.cognitosyncmock.json.Json.MAPPER.readTree(all.body()).get("Count").asInt();
    Set<String> seen = new HashSet<>();
    String next = null;
    for (int page = 0; page <= count; page++) {
      RawHttp.Response r =
          RawHttp.send(
              target.port(),
              "GET",
              path
                  + (next == null
                      ? ""
                      : "&nextToken=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)),
              List.of(),
              null);
      assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
      var body = dev.cognitosyncmock.json.Json.MAPPER.readTree(r.body());
      body.get("Records")
          .forEach(
              rec ->
                  assertThat(seen.add(rec.get("Key").asString()))
                      .as("key seen twice while paging")
                      .isTrue());
      next = body.has("NextToken") ? body.get("NextToken").asString() : null;
      if (next == null) {
        break;
      }
    }
    assertThat(next).as("paging ends").isNull();
    assertThat(seen).hasSize(count);
    assertThat(target.service().admin().handle("GET", "/cognito-sync/state", null).status())
        .isEqualTo(200);
  }

  /** Sends, and asserts the invariants. */
  static RawHttp.Response check(CognitoSyncServer target, Hostile request) throws IOException {
    EngineSnapshot before = target.service().engine().exportState();
    REQUESTS.incrementAndGet();
    RawHttp.Response r;
    try {
      r =
          RawHttp.send(
              target.port(), request.method(), request.target(), request.headers(), request.body());
    } catch (RawHttp.Hang e) {
      SERVER_ERRORS.incrementAndGet();
      throw new AssertionError("hang: " + request, e);
    }
    return verify(target, request, r, before);
  }

  /**
   * The invariants of an answer: never a 5xx, always the AWS error shape, refusals change nothing.
   */
  static RawHttp.Response verify(
      CognitoSyncServer target, Hostile request, RawHttp.Response r, EngineSnapshot before) {
    boolean badVersion =
        r.status() == 505
            && "HttpVersionNotSupportedException".equals(r.header("x-amzn-ErrorType"));
    if (r.status() >= 500 && !badVersion) {
      SERVER_ERRORS.incrementAndGet();
    }
    if (!badVersion) {
      assertThat(r.status())
          .as("status for %s: %s", request, RawHttp.clip(r.bodyText()))
          .isLessThan(500)
          .isGreaterThanOrEqualTo(200);
    }
    if (r.status() < 400) {
      // 2xx: some garbage happens to be valid; 3xx: WireMock's admin root redirects
      ACCEPTED.incrementAndGet();
      assertThat(request.mustRefuse()).as("accepted: " + request).isFalse();
      return r;
    }
    if (!badVersion) {
      assertThat(r.status()).as(request.toString()).isBetween(400, 499);
    }
    // every answer of the port, from any layer, has the AWS error shape
    String errorType = r.header("x-amzn-ErrorType");
    assertThat(errorType)
        .as("x-amzn-ErrorType of %s: %s", request, RawHttp.clip(r.bodyText()))
        .isIn(ALLOWED_ERROR_TYPES);
    assertThat(r.header("x-amzn-RequestId")).as(request.toString()).isNotBlank();
    if (HTTP_LAYER_TYPES.contains(errorType)) {
      REFUSED_BY_HTTP_LAYER.incrementAndGet();
    }
    if (!request.method().equals("HEAD")) {
      assertThat(r.bodyText()).as(request.toString()).startsWith("{\"message\":");
      assertThat(r.bodyText())
          .as(request.toString())
          .doesNotContain("java.", "tools.jackson", "org.eclipse", "`", "<html", "<h1>");
    }
    assertThat(target.service().engine().exportState())
        .as("state after " + request)
        .isEqualTo(before);
    return r;
  }

  // ---- generators ----

  @Provide
  Arbitrary<Hostile> mustRefuse() {
    return Combinators.combine(
            Arbitraries.of(OPS),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 10_000),
            noise())
        .as(HardeningTest::refusal);
  }

  record Noise(String query, List<String[]> headers) {}

  static Arbitrary<Noise> noise() {
    Arbitrary<String> query =
        Arbitraries.of(
            null,
            "foo=bar",
            "__proto__%5Bpolluted%5D=1",
            "x",
            "a=1&a=2",
            "callback=alert(1)",
            "X-Amz-Algorithm=AWS4-HMAC-SHA256");
    Arbitrary<List<String[]>> headers =
        Arbitraries.of(
            List.<String[]>of(),
            List.<String[]>of(new String[] {"X-Amz-Target", "CognitoSync.ListRecords"}),
            List.<String[]>of(new String[] {"Content-Type", "application/xml"}),
            List.<String[]>of(new String[] {"x-amz-Client-Context", "A".repeat(4000)}),
            List.<String[]>of(new String[] {"X-Forwarded-For", "127.0.0.1, 10.0.0.1"}),
            List.<String[]>of(new String[] {"Content-Encoding", "gzip"}),
            List.<String[]>of(
                new String[] {"Content-Type", "application/x-amz-json-1.1"},
                new String[] {"X-Amz-Security-Token", "token"}),
            List.<String[]>of(
                new String[] {"Accept", "text/html"}, new String[] {"Expect", "100-continue"}));
    return Combinators.combine(query, headers).as(Noise::new);
  }

  static Hostile refusal(Op op, int kind, int pick, Noise noise) {
    List<String> labels = op.labels();
    boolean hasQuery = op.query() != null;
    if (kind == 1 && labels.isEmpty()) {
      kind = 2;
    }
    if (kind == 3 && op.bodyMistypes().isEmpty()) {
      kind = 2;
    }
    if (kind == 4 && !hasQuery) {
      kind = 0;
    }
    byte[] validBody = op.body() == null ? null : op.body().getBytes(StandardCharsets.UTF_8);
    return switch (kind) {
      case 0 -> {
        String m = WRONG_METHODS.get(pick % WRONG_METHODS.size());
        yield new Hostile(
            op.name() + " with method " + m,
            m,
            op.target(null, null, noise.query()),
            noise.headers(),
            validBody,
            true);
      }
      case 1 -> {
        String label = labels.get(pick % labels.size());
        String value = HOSTILE_LABELS.get((pick / labels.size()) % HOSTILE_LABELS.size());
        yield new Hostile(
            op.name() + " with hostile " + label,
            op.method(),
            op.target(label, value, noise.query()),
            noise.headers(),
            validBody,
            true);
      }
      case 2 -> {
        List<byte[]> bodies = badBodies();
        byte[] body = bodies.get(pick % bodies.size());
        yield new Hostile(
            op.name() + " with a malformed body",
            op.method(),
            op.target(null, null, noise.query()),
            noise.headers(),
            body,
            true);
      }
      case 3 -> {
        String body = op.bodyMistypes().get(pick % op.bodyMistypes().size());
        yield new Hostile(
            op.name() + " with a mistyped member",
            op.method(),
            op.target(null, null, noise.query()),
            noise.headers(),
            body.getBytes(StandardCharsets.UTF_8),
            true);
      }
      default -> {
        String param = op.query().split("=")[0];
        String value = HOSTILE_QUERY_VALUES.get(pick % HOSTILE_QUERY_VALUES.size());
        String query = param + "=" + value + (noise.query() == null ? "" : "&" + noise.query());
        String path = op.target(null, null, null);
        int q = path.indexOf('?');
        yield new Hostile(
            op.name() + " with " + param + "=" + value,
            op.method(),
            (q < 0 ? path : path.substring(0, q)) + "?" + query,
            noise.headers(),
            validBody,
            true);
      }
    };
  }

  static final List<String> SEGMENTS =
      List.of(
          "identitypools",
          "identities",
          "datasets",
          "records",
          "identity",
          "device",
          "events",
          "configuration",
          "bulkpublish",
          "getBulkPublishDetails",
          "subscriptions",
          POOL,
          IDENTITY,
          "settings",
          "..",
          ".",
          "",
          "%2e%2e",
          "%2F",
          "%00",
          "%FF",
          "\u00e9",
          "__admin",
          "cognito-sync",
          "state",
          "reset",
          "x".repeat(3000),
          "%25",
          "%%",
          "a b",
          "?",
          "#frag",
          ";jsessionid=1");

  @Provide
  Arbitrary<Hostile> garbage() {
    Arbitrary<String> method =
        Arbitraries.of("GET", "POST", "DELETE", "PUT", "HEAD", "get", "X-CUSTOM", "M".repeat(100));
    Arbitrary<String> path =
        Arbitraries.of(SEGMENTS).list().ofMaxSize(8).map(s -> "/" + String.join("/", s));
    Arbitrary<String> query =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings()
                .withChars("abc=&%+;0123456789FFxyz")
                .ofMaxLength(40)
                .map(q -> "?" + q));
    Arbitrary<byte[]> body =
        Arbitraries.oneOf(
            Arbitraries.just((byte[]) null),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
            Arbitraries.strings()
                .withChars("{}[]\":,0123456789.eE-+truefalsnul \\u")
                .ofMaxLength(400)
                .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    return Combinators.combine(method, path, query, body)
        .as(
            (m, p, q, b) ->
                new Hostile(
                    "garbage",
                    m,
                    p.replace("?", "%3F").replace("#", "%23").replace(" ", "%20") + q,
                    List.of(),
                    b,
                    false));
  }

  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Provide
  Arbitrary<Hostile> hostileAuthorization() {
    String now = AMZ_DATE.format(Instant.now());
    Arbitrary<String> scheme =
        Arbitraries.of(
            "AWS4-HMAC-SHA256",
            "AWS4-HMAC-SHA512",
            "AWS",
            "Bearer",
            "Basic",
            "",
            "aws4-hmac-sha256",
            "AWS4-HMAC-SHA256\u0000");
    Arbitrary<String> key =
        Arbitraries.of(
            "AKIAHARDENING0000001",
            "ASIAHARDENING0000001",
            "AKIAUNKNOWN",
            "",
            "../../etc",
            "\u00ff\u00fe",
            "x".repeat(2000));
    Arbitrary<String> date =
        Arbitraries.of(now.substring(0, 8), "20000101", "", "2024-01-01", "99999999");
    Arbitrary<String> region = Arbitraries.of("us-east-1", "", "US EAST", "x".repeat(500), "../");
    Arbitrary<String> service = Arbitraries.of("cognito-sync", "cognito-identity", "", "s3");
    Arbitrary<String> signed =
        Arbitraries.of(
            "host;x-amz-date",
            "host",
            "x-amz-date",
            "",
            ";;;",
            "host;x-amz-date;content-type;x-missing",
            "HOST;X-AMZ-DATE");
    Arbitrary<String> signature =
        Arbitraries.of("0".repeat(64), "zz", "", "A".repeat(64), "0".repeat(10_000));
    Arbitrary<String> amzDate =
        Arbitraries.of(now, "20000101T000000Z", "not-a-date", "", "99991231T235959Z", now + "junk");
    return Combinators.combine(
            Combinators.combine(scheme, key, date, region, service)
                .as(
                    (s, k, d, r, sv) ->
                        s + " Credential=" + k + "/" + d + "/" + r + "/" + sv + "/aws4_request"),
            signed,
            signature,
            amzDate,
            Arbitraries.of(OPS),
            Arbitraries.of(true, false))
        .as(
            (credential, sh, sig, ad, op, withToken) -> {
              List<String[]> headers = new ArrayList<>();
              headers.add(
                  new String[] {
                    "Authorization", credential + ", SignedHeaders=" + sh + ", Signature=" + sig
                  });
              headers.add(new String[] {"X-Amz-Date", ad});
              if (withToken) {
                headers.add(new String[] {"X-Amz-Security-Token", "session"});
              }
              return new Hostile(
                  "forged signature on " + op.name(),
                  op.method(),
                  op.target(null, null, null),
                  headers,
                  op.body() == null ? null : op.body().getBytes(StandardCharsets.UTF_8),
                  true);
            });
  }

  // ---- generators for the classes of input an independent attack found ----

  /** JSON numbers beyond a Long, beyond any timestamp, and tokens that are not JSON numbers. */
  static final List<String> HUGE_INTEGERS =
      List.of(
          "9223372036854775808",
          "-9223372036854775809",
          "1e19",
          "-1e19",
          "1e300",
          "-1e300",
          "1e999999",
          "-1e999999",
          "99999999999999999999999999999",
          "1.8e308",
          "NaN",
          "Infinity",
          "-Infinity");

  static final List<String> HUGE_TIMESTAMPS =
      List.of(
          "9223372036854775807",
          "-9223372036854775808",
          "31556889864403199",
          "31556889864403200",
          "-31557014167219200",
          "-31557014167219201",
          "253402300800",
          "-62135596801",
          "1e20",
          "-1e20",
          "1e308",
          "-1e308",
          "1.7976931348623157e308",
          "1e999999",
          "-1e999999",
          "NaN",
          "Infinity",
          "-Infinity",
          "9.3e15",
          "-9.3e15");

  /** One numeric or timestamp member of an UpdateRecords (or a List* query) made huge. */
  record NumberCase(String member, String value, int patchCount, int position) {
    Hostile build(String token) {
      if (member.equals("lastSyncCount") || member.equals("maxResults")) {
        String path =
            DS.replace("{pool}", POOL)
                    .replace("{identity}", IDENTITY)
                    .replace("{dataset}", "numbers")
                + "/records?"
                + member
                + "="
                + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        return new Hostile(
            "ListRecords " + member + "=" + value, "GET", path, List.of(), null, true);
      }
      List<String> patches = new ArrayList<>();
      for (int i = 0; i < patchCount; i++) {
        String syncCount = member.equals("SyncCount") && i == position ? value : "0";
        String date =
            member.equals("DeviceLastModifiedDate") && i == position
                ? ",\"DeviceLastModifiedDate\":" + value
                : ",\"DeviceLastModifiedDate\":1700000000.5";
        patches.add(
            "{\"Op\":\"replace\",\"Key\":\"n"
                + i
                + "\",\"Value\":\"v\",\"SyncCount\":"
                + syncCount
                + date
                + "}");
      }
      String body =
          "{\"SyncSessionToken\":\""
              + token
              + "\",\"RecordPatches\":["
              + String.join(",", patches)
              + "]}";
      return new Hostile(
          "UpdateRecords "
              + member
              + "="
              + value
              + " in patch "
              + (position + 1)
              + " of "
              + patchCount,
          "POST",
          DS.replace("{pool}", POOL)
              .replace("{identity}", IDENTITY)
              .replace("{dataset}", "numbers"),
          List.of(),
          body.getBytes(StandardCharsets.UTF_8),
          true);
    }
  }

  @Provide
  Arbitrary<NumberCase> unrepresentableNumbers() {
    Arbitrary<NumberCase> body =
        Combinators.combine(
                Arbitraries.of("SyncCount", "DeviceLastModifiedDate"),
                    Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2))
            .as(
                (member, pick, count, position) ->
                    new NumberCase(
                        member,
                        (member.equals("SyncCount") ? HUGE_INTEGERS : HUGE_TIMESTAMPS)
                            .get(
                                pick
                                    % (member.equals("SyncCount") ? HUGE_INTEGERS : HUGE_TIMESTAMPS)
                                        .size()),
                        count,
                        Math.min(position, count - 1)));
    Arbitrary<NumberCase> query =
        Combinators.combine(
                Arbitraries.of("lastSyncCount", "maxResults"), Arbitraries.of(HUGE_INTEGERS))
            .as((member, value) -> new NumberCase(member, value, 0, 0));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, body), net.jqwik.api.Tuple.of(1, query));
  }

  /** Control characters, unpaired surrogates, reversed pairs, noncharacters, bidi overrides. */
  static final List<String> HOSTILE_CHARS =
      List.of(
          "\u0000",
          "\u0001",
          "\u0008",
          "\u001f",
          "\u007f",
          "\u0085",
          "\ud800",
          "\udbff",
          "\udc00",
          "\udfff",
          "\udc00\ud800",
          "\ufffe",
          "\uffff",
          "\u2028",
          "\u202e",
          "\ud83d\udca9",
          "\r\n",
          "\"",
          "\\");

  /** A JSON string literal that carries {@code s} exactly, lone surrogates included. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c) || c >= 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** One string member of a request, made of hostile characters. */
  record StringCase(String op, String member, String value) {
    Hostile build(String token) {
      String v = jsonString(value);
      String ds = DS.replace("{pool}", POOL).replace("{identity}", IDENTITY);
      String pool = "/identitypools/" + POOL;
      return switch (op + "." + member) {
        case "UpdateRecords.Key",
            "UpdateRecords.Value",
            "UpdateRecords.DeviceId",
            "UpdateRecords.SyncSessionToken",
            "UpdateRecords.Op" -> {
          String key = member.equals("Key") ? v : "\"k" + Math.abs(value.hashCode() % 50) + "\"";
          String val = member.equals("Value") ? v : "\"v\"";
          String opValue = member.equals("Op") ? v : "\"replace\"";
          String tok = member.equals("SyncSessionToken") ? v : "\"" + token + "\"";
          String device = member.equals("DeviceId") ? ",\"DeviceId\":" + v : "";
          yield hostile(
              "POST",
              ds.replace("{dataset}", "strings"),
              "{\"SyncSessionToken\":"
                  + tok
                  + device
                  + ",\"RecordPatches\":[{\"Op\":"
                  + opValue
                  + ",\"Key\":"
                  + key
                  + ",\"Value\":"
                  + val
                  + ",\"SyncCount\":0}]}");
        }
        case "SetIdentityPoolConfiguration.ApplicationArns" ->
            hostile(
                "POST",
                pool + "/configuration",
                "{\"PushSync\":{\"ApplicationArns\":[" + v + "]}}");
        case "SetIdentityPoolConfiguration.RoleArn" ->
            hostile("POST", pool + "/configuration", "{\"PushSync\":{\"RoleArn\":" + v + "}}");
        case "SetIdentityPoolConfiguration.StreamName" ->
            hostile(
                "POST", pool + "/configuration", "{\"CognitoStreams\":{\"StreamName\":" + v + "}}");
        case "SetIdentityPoolConfiguration.StreamingStatus" ->
            hostile(
                "POST",
                pool + "/configuration",
                "{\"CognitoStreams\":{\"StreamingStatus\":" + v + "}}");
        case "SetCognitoEvents.EventName" ->
            hostile(
                "POST",
                pool + "/events",
                "{\"Events\":{" + v + ":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}");
        case "SetCognitoEvents.SyncTrigger" ->
            hostile("POST", pool + "/events", "{\"Events\":{\"SyncTrigger\":" + v + "}}");
        case "RegisterDevice.Platform" ->
            hostile(
                "POST",
                pool + "/identity/" + IDENTITY + "/device",
                "{\"Platform\":" + v + ",\"Token\":\"t\"}");
        case "RegisterDevice.Token" ->
            hostile(
                "POST",
                pool + "/identity/" + IDENTITY + "/device",
                "{\"Platform\":\"GCM\",\"Token\":" + v + "}");
        case "ListRecords.nextToken", "ListRecords.syncSessionToken" ->
            new Hostile(
                "ListRecords " + member + " " + v,
                "GET",
                ds.replace("{dataset}", "strings")
                    + "/records?"
                    + member
                    + "="
                    + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8),
                List.of(),
                null,
                false);
        default -> throw new IllegalStateException(op + "." + member);
      };
    }

    private Hostile hostile(String method, String target, String body) {
      return new Hostile(
          op + " " + member + " = " + jsonString(value),
          method,
          target,
          List.of(),
          body.getBytes(StandardCharsets.UTF_8),
          false);
    }
  }

  static final List<String[]> STRING_MEMBERS =
      List.of(
          new String[] {"UpdateRecords", "Key"},
          new String[] {"UpdateRecords", "Value"},
          new String[] {"UpdateRecords", "DeviceId"},
          new String[] {"UpdateRecords", "SyncSessionToken"},
          new String[] {"UpdateRecords", "Op"},
          new String[] {"SetIdentityPoolConfiguration", "ApplicationArns"},
          new String[] {"SetIdentityPoolConfiguration", "RoleArn"},
          new String[] {"SetIdentityPoolConfiguration", "StreamName"},
          new String[] {"SetIdentityPoolConfiguration", "StreamingStatus"},
          new String[] {"SetCognitoEvents", "EventName"},
          new String[] {"SetCognitoEvents", "SyncTrigger"},
          new String[] {"RegisterDevice", "Platform"},
          new String[] {"RegisterDevice", "Token"},
          new String[] {"ListRecords", "nextToken"},
          new String[] {"ListRecords", "syncSessionToken"});

  @Provide
  Arbitrary<StringCase> hostileStrings() {
    Arbitrary<String> value =
        Combinators.combine(
                Arbitraries.of("", "a", "key", "arn:aws:iam::123456789012:role/r"),
                Arbitraries.of(HOSTILE_CHARS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("", "b", "z"))
            .as((prefix, chars, suffix) -> prefix + String.join("", chars) + suffix);
    return Combinators.combine(Arbitraries.of(STRING_MEMBERS), value)
        .as((m, v) -> new StringCase(m[0], m[1], v));
  }

  /** Raw bytes on the socket; {@code halfClose} ends the client's side after sending. */
  record RawCase(String what, String method, byte[] bytes, boolean halfClose, boolean mustRefuse) {
    @Override
    public String toString() {
      return what
          + ": "
          + RawHttp.clip(
              new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1)
                  .replace("\r\n", "\\r\\n"));
    }
  }

  static final String VALID_TARGET =
      DS.replace("{pool}", POOL).replace("{identity}", IDENTITY).replace("{dataset}", "settings");

  @Provide
  Arbitrary<RawCase> framingErrors() {
    Arbitrary<String> method =
        Arbitraries.of(
            "GET", "POST", "DELETE", "OPTIONS", "PRI", "G ET", "", "GET\u0000", "CONNECT");
    Arbitrary<String> target =
        Arbitraries.of(
            VALID_TARGET,
            "*",
            "/identitypools/%00/events",
            "/identitypools/%zz/events",
            "/identitypools/%/events",
            "/identitypools/%E0%80/events",
            "http://127.0.0.1" + VALID_TARGET,
            "//x" + VALID_TARGET,
            VALID_TARGET + "#frag",
            "/" + "a".repeat(40_000),
            VALID_TARGET + "?" + "q=".repeat(20_000),
            "",
            "/\u00ff\u00fe",
            "/a b",
            "/identitypools\u0000");
    Arbitrary<String> version =
        Arbitraries.of(
            "HTTP/1.1",
            "HTTP/1.1",
            "HTTP/1.1",
            "HTTP/1.0",
            "HTTP/2.0",
            "HTTP/3.0",
            "HTTP/1.7",
            "HTTP/1",
            "http/1.1",
            "HTTP/1.1 extra",
            "FOO/1.1",
            "");
    Arbitrary<List<String>> headers =
        Arbitraries.of(
            List.of("Host: x"),
            List.of(),
            List.of("Host: x", "Host: y"),
            List.of("Host:"),
            List.of("Host: x", "Content-Length: 2", "Transfer-Encoding: chunked"),
            List.of("Host: x", "Content-Length: 2", "Content-Length: 3"),
            List.of("Host: x", "Content-Length: abc"),
            List.of("Host: x", "Content-Length: -1"),
            List.of("Host: x", "Content-Length: 99999999999999999999"),
            List.of("Host: x", "Transfer-Encoding: zip"),
            List.of("Host: x", "Transfer-Encoding: chunked, identity"),
            List.of("Host: x", "NoColonHere"),
            List.of("Host: x", " folded: continuation"),
            List.of("Host: x", "X-Obs: a", "  folded"),
            List.of("Host: x", "Bad Name: v"),
            List.of("Host: x", "X-Nul: a\u0000b"),
            List.of("Host: x", "X-Big: " + "a".repeat(40_000)),
            List.of("Host: x", "Expect: 200-ok"),
            List.of("Host: x", "Expect: 100-continue"),
            List.of(
                "Host: x",
                "Upgrade: h2c",
                "Connection: Upgrade, HTTP2-Settings",
                "HTTP2-Settings: AAMAAABkAAQAAP__"),
            List.of("Host: x", "Content-Encoding: gzip"),
            List.of("Host: \u00ff\u00fe"));
    Arbitrary<String> body =
        Arbitraries.of(
            "",
            "{}",
            "{\"a\":1}",
            "0\r\n\r\n",
            "zz\r\n{}\r\n0\r\n\r\n",
            "2\r\n{}\r\n0\r\n\r\n",
            "2\r\n{}",
            "5;ext=\"\r\n{}\r\n");
    Arbitrary<Integer> declaredExtra = Arbitraries.of(0, 0, 0, 10, -1);
    return Combinators.combine(method, target, version, headers, body, declaredExtra)
        .as(
            (m, t, v, h, b, extra) -> {
              StringBuilder raw =
                  new StringBuilder(m + " " + t + (v.isEmpty() ? "" : " " + v) + "\r\n");
              h.forEach(line -> raw.append(line).append("\r\n"));
              boolean framed =
                  h.stream()
                      .anyMatch(
                          x -> x.startsWith("Content-Length") || x.startsWith("Transfer-Encoding"));
              boolean halfClose = false;
              if (!framed && !b.isEmpty()) {
                // declare a length; extra > 0 promises more than is sent (the client then
                // half-closes)
                int declared = extra < 0 ? 0 : b.length() + extra;
                raw.append("Content-Length: ").append(declared).append("\r\n");
                halfClose = extra > 0;
              }
              raw.append("Connection: close\r\n\r\n").append(b);
              return new RawCase(
                  "framing",
                  m,
                  raw.toString().getBytes(StandardCharsets.ISO_8859_1),
                  halfClose,
                  false);
            });
  }

  @Provide
  Arbitrary<RawCase> oversized() {
    Arbitrary<Integer> over = Arbitraries.integers().between(1, BOUNDED_LIMIT * 2);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
    return Combinators.combine(kind, over)
        .as(
            (k, extra) -> {
              int size = BOUNDED_LIMIT + extra;
              String head =
                  "POST " + VALID_TARGET + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
              byte[] filler = new byte[size];
              Arrays.fill(filler, (byte) 'x');
              try {
                return switch (k) {
                  case 0 ->
                      raw(
                          "Content-Length above the limit",
                          head + "Content-Length: " + size + "\r\n\r\n",
                          filler);
                  case 1 -> {
                    StringBuilder chunked =
                        new StringBuilder(head + "Transfer-Encoding: chunked\r\n\r\n");
                    String chunk = "x".repeat(4096);
                    for (int sent = 0; sent < size; sent += chunk.length()) {
                      chunked
                          .append(Integer.toHexString(chunk.length()))
                          .append("\r\n")
                          .append(chunk)
                          .append("\r\n");
                    }
                    yield raw("chunked above the limit", chunked + "0\r\n\r\n", new byte[0]);
                  }
                  case 2 -> {
                    byte[] gz = HttpLayerErrorShapeTest.gzipOfZeros((long) size * (1 + extra % 64));
                    yield raw(
                        "gzip expanding above the limit",
                        head
                            + "Content-Encoding: gzip\r\n"
                            + "Content-Length: "
                            + gz.length
                            + "\r\n\r\n",
                        gz);
                  }
                  default -> {
                    // no Content-Encoding: WireMock gunzips by the magic bytes alone
                    byte[] gz = HttpLayerErrorShapeTest.gzipOfZeros((long) size * 4);
                    yield raw(
                        "unlabelled gzip expanding above the limit",
                        head + "Content-Length: " + gz.length + "\r\n\r\n",
                        gz);
                  }
                };
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  static RawCase raw(String what, String head, byte[] body) {
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return new RawCase(what, "POST", all, false, true);
  }
}
