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
 * operation, over real HTTP, to an in-process server. Whatever arrives, the answer is a 4xx with
 * a modeled error type (or SerializationException / UnknownOperationException, or an
 * authentication error when signatures are checked), never a 5xx and never a hang, and a refused
 * request leaves the exported state exactly as it was (A1, A5).
 */
class HardeningTest {
  static final String POOL = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1%3Aaaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final String SEED = "{\"identityPools\":[{\"identityPoolId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
      + "\"identities\":[{\"identityId\":\"us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\","
      + "\"datasets\":[{\"datasetName\":\"settings\",\"records\":[{\"key\":\"theme\",\"value\":\"dark\"}]}]}]}]}";

  static final Set<String> ALLOWED_ERROR_TYPES = allowedErrorTypes();
  static final AtomicLong REQUESTS = new AtomicLong();
  static final AtomicLong SERVER_ERRORS = new AtomicLong();
  static final AtomicLong REFUSED_BY_HTTP_LAYER = new AtomicLong();
  static final AtomicLong ACCEPTED = new AtomicLong();

  static CognitoSyncServer server;
  static CognitoSyncServer verifying;

  /** One operation's valid request; labels in {braces} are filled in or made hostile. */
  record Op(String name, String method, String path, String query, String body,
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
      String p = path.replace("{pool}", POOL).replace("{identity}", IDENTITY)
          .replace("{dataset}", "settings").replace("{device}", "device-1");
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
  record Hostile(String what, String method, String target, List<String[]> headers, byte[] body,
      boolean mustRefuse) {
    @Override
    public String toString() {
      return what + ": " + method + " " + RawHttp.clip(target) + " headers "
          + headers.stream().map(h -> h[0] + "=" + RawHttp.clip(h[1])).toList()
          + (body == null ? "" : " body " + body.length + " bytes: "
              + RawHttp.clip(new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1)));
    }
  }

  static final String DS = "/identitypools/{pool}/identities/{identity}/datasets/{dataset}";
  static final List<Op> OPS = List.of(
      new Op("ListRecords", "GET", DS + "/records", "lastSyncCount=0&maxResults=10", null, List.of()),
      new Op("UpdateRecords", "POST", DS, null,
          "{\"SyncSessionToken\":\"H4sIAAAA\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}",
          List.of("{\"SyncSessionToken\":5,\"RecordPatches\":[]}",
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
      new Op("ListDatasets", "GET", "/identitypools/{pool}/identities/{identity}/datasets",
          "maxResults=5", null, List.of()),
      new Op("DescribeIdentityUsage", "GET", "/identitypools/{pool}/identities/{identity}", null,
          null, List.of()),
      new Op("DescribeIdentityPoolUsage", "GET", "/identitypools/{pool}", null, null, List.of()),
      new Op("ListIdentityPoolUsage", "GET", "/identitypools", "maxResults=5", null, List.of()),
      new Op("GetIdentityPoolConfiguration", "GET", "/identitypools/{pool}/configuration", null,
          null, List.of()),
      new Op("SetIdentityPoolConfiguration", "POST", "/identitypools/{pool}/configuration", null,
          "{\"PushSync\":{\"ApplicationArns\":[\"arn:aws:sns:us-east-1:123456789012:app/GCM/a\"]}}",
          List.of("{\"PushSync\":\"on\"}", "{\"PushSync\":{\"ApplicationArns\":[5]}}",
              "{\"PushSync\":{\"RoleArn\":\"not an arn\"}}",
              "{\"CognitoStreams\":{\"StreamingStatus\":\"SOMETIMES\"}}",
              "{\"CognitoStreams\":{\"StreamName\":\"\"}}")),
      new Op("GetCognitoEvents", "GET", "/identitypools/{pool}/events", null, null, List.of()),
      new Op("SetCognitoEvents", "POST", "/identitypools/{pool}/events", null,
          "{\"Events\":{\"SyncTrigger\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}",
          List.of("{\"Events\":[]}", "{\"Events\":{\"SyncTrigger\":5}}",
              "{\"Events\":{\"NotATrigger\":\"x\"}}", "{}", "{\"Events\":null}")),
      new Op("RegisterDevice", "POST", "/identitypools/{pool}/identity/{identity}/device", null,
          "{\"Platform\":\"GCM\",\"Token\":\"t\"}",
          List.of("{\"Platform\":\"WINDOWS\",\"Token\":\"t\"}", "{\"Platform\":\"GCM\",\"Token\":5}",
              "{\"Token\":\"t\"}", "{\"Platform\":[\"GCM\"],\"Token\":\"t\"}")),
      new Op("SubscribeToDataset", "POST", DS + "/subscriptions/{device}", null, null, List.of()),
      new Op("UnsubscribeFromDataset", "DELETE", DS + "/subscriptions/{device}", null, null,
          List.of()),
      new Op("BulkPublish", "POST", "/identitypools/{pool}/bulkpublish", null, null, List.of()),
      new Op("GetBulkPublishDetails", "POST", "/identitypools/{pool}/getBulkPublishDetails", null,
          null, List.of()));

  static final List<String> WRONG_METHODS =
      List.of("PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND");

  /** Label values no label may take: bad escapes, bad UTF-8, traversal, injections, overlong. */
  static final List<String> HOSTILE_LABELS = List.of(
      "..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E%2Fadmin", "%FF%FE%FD", "%C0%AF", "%ED%A0%80",
      "%00", "%", "%zz", "%E2%80%AE%00", "a%0D%0AX-Injected:%201", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
      "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(5000),
      "\u00c3\u0028", "\u00ff\u00fe", "%F0%9F%92%A9".repeat(100), "", "us-east-1:" + "0".repeat(300));

  static final List<String> HOSTILE_QUERY_VALUES = List.of("abc", "1e3", "99999999999999999999",
      "%FF", "", "0x10", "1.5", "%00", "NaN", "-9223372036854775809");

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
    Set<String> allowed = Arrays.stream(ErrorShape.values()).map(Enum::name)
        .filter(n -> !n.equals("InternalErrorException"))
        .collect(Collectors.toCollection(HashSet::new));
    allowed.addAll(List.of("SerializationException", "UnknownOperationException",
        AuthErrors.MISSING_AUTHENTICATION_TOKEN, AuthErrors.INCOMPLETE_SIGNATURE,
        AuthErrors.INVALID_SIGNATURE, AuthErrors.REQUEST_EXPIRED, AuthErrors.UNRECOGNIZED_CLIENT));
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
    server.service().engine().importState(AdminApi.readState(SEED.getBytes(StandardCharsets.UTF_8)));
    verifying = CognitoSyncServer.builder().service(CognitoSyncService.builder()
        .verifySignatures(true).enforceCredentialClasses(true)
        .credentials(AccessKey.developer("AKIAHARDENING0000001", "hardening-secret"),
            AccessKey.identity("ASIAHARDENING0000001", "identity-secret", "session",
                "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"))
        .build()).build().start();
    verifying.service().engine().importState(
        AdminApi.readState(SEED.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterContainer
  static void stopAndReport() {
    server.stop();
    verifying.stop();
    System.out.printf("hardening: %d requests, %d server errors (%d answered 2xx/3xx, %d refused by the"
        + " HTTP layer before the mock)%n", REQUESTS.get(), SERVER_ERRORS.get(), ACCEPTED.get(),
        REFUSED_BY_HTTP_LAYER.get());
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

  /** Sends, and asserts the invariants. */
  static RawHttp.Response check(CognitoSyncServer target, Hostile request) throws IOException {
    EngineSnapshot before = target.service().engine().exportState();
    REQUESTS.incrementAndGet();
    RawHttp.Response r;
    try {
      r = RawHttp.send(target.port(), request.method(), request.target(), request.headers(),
          request.body());
    } catch (RawHttp.Hang e) {
      SERVER_ERRORS.incrementAndGet();
      throw new AssertionError("hang: " + request, e);
    }
    if (r.status() >= 500) {
      SERVER_ERRORS.incrementAndGet();
    }
    assertThat(r.status()).as("status for %s: %s", request, RawHttp.clip(r.bodyText()))
        .isLessThan(500).isGreaterThanOrEqualTo(200);
    if (r.status() < 400) {
      // 2xx: some garbage happens to be valid; 3xx: WireMock's admin root redirects
      ACCEPTED.incrementAndGet();
      assertThat(request.mustRefuse()).as("accepted: " + request).isFalse();
      return r;
    }
    assertThat(r.status()).as(request.toString()).isBetween(400, 499);
    String errorType = r.header("x-amzn-ErrorType");
    if (errorType == null) {
      // Jetty refused it before WireMock saw it (a request line it cannot parse)
      REFUSED_BY_HTTP_LAYER.incrementAndGet();
    } else {
      assertThat(errorType).as(request.toString()).isIn(ALLOWED_ERROR_TYPES);
      if (!request.method().equals("HEAD")) {
        assertThat(r.bodyText()).as(request.toString()).startsWith("{\"message\":");
      }
    }
    assertThat(target.service().engine().exportState()).as("state after " + request)
        .isEqualTo(before);
    return r;
  }

  // ---- generators ----

  @Provide
  Arbitrary<Hostile> mustRefuse() {
    return Combinators.combine(Arbitraries.of(OPS), Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 10_000), noise())
        .as(HardeningTest::refusal);
  }

  record Noise(String query, List<String[]> headers) {
  }

  static Arbitrary<Noise> noise() {
    Arbitrary<String> query = Arbitraries.of(null, "foo=bar", "__proto__%5Bpolluted%5D=1", "x",
        "a=1&a=2", "callback=alert(1)", "X-Amz-Algorithm=AWS4-HMAC-SHA256");
    Arbitrary<List<String[]>> headers = Arbitraries.of(
        List.<String[]>of(),
        List.<String[]>of(new String[] {"X-Amz-Target", "CognitoSync.ListRecords"}),
        List.<String[]>of(new String[] {"Content-Type", "application/xml"}),
        List.<String[]>of(new String[] {"x-amz-Client-Context", "A".repeat(4000)}),
        List.<String[]>of(new String[] {"X-Forwarded-For", "127.0.0.1, 10.0.0.1"}),
        List.<String[]>of(new String[] {"Content-Encoding", "gzip"}),
        List.<String[]>of(new String[] {"Content-Type", "application/x-amz-json-1.1"},
            new String[] {"X-Amz-Security-Token", "token"}),
        List.<String[]>of(new String[] {"Accept", "text/html"}, new String[] {"Expect", "100-continue"}));
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
        yield new Hostile(op.name() + " with method " + m, m, op.target(null, null, noise.query()),
            noise.headers(), validBody, true);
      }
      case 1 -> {
        String label = labels.get(pick % labels.size());
        String value = HOSTILE_LABELS.get((pick / labels.size()) % HOSTILE_LABELS.size());
        yield new Hostile(op.name() + " with hostile " + label, op.method(),
            op.target(label, value, noise.query()), noise.headers(), validBody, true);
      }
      case 2 -> {
        List<byte[]> bodies = badBodies();
        byte[] body = bodies.get(pick % bodies.size());
        yield new Hostile(op.name() + " with a malformed body", op.method(),
            op.target(null, null, noise.query()), noise.headers(), body, true);
      }
      case 3 -> {
        String body = op.bodyMistypes().get(pick % op.bodyMistypes().size());
        yield new Hostile(op.name() + " with a mistyped member", op.method(),
            op.target(null, null, noise.query()), noise.headers(),
            body.getBytes(StandardCharsets.UTF_8), true);
      }
      default -> {
        String param = op.query().split("=")[0];
        String value = HOSTILE_QUERY_VALUES.get(pick % HOSTILE_QUERY_VALUES.size());
        String query = param + "=" + value + (noise.query() == null ? "" : "&" + noise.query());
        String path = op.target(null, null, null);
        int q = path.indexOf('?');
        yield new Hostile(op.name() + " with " + param + "=" + value, op.method(),
            (q < 0 ? path : path.substring(0, q)) + "?" + query, noise.headers(), validBody, true);
      }
    };
  }

  static final List<String> SEGMENTS = List.of("identitypools", "identities", "datasets",
      "records", "identity", "device", "events", "configuration", "bulkpublish",
      "getBulkPublishDetails", "subscriptions", POOL, IDENTITY, "settings", "..", ".", "",
      "%2e%2e", "%2F", "%00", "%FF", "\u00e9", "__admin", "cognito-sync", "state", "reset",
      "x".repeat(3000), "%25", "%%", "a b", "?", "#frag", ";jsessionid=1");

  @Provide
  Arbitrary<Hostile> garbage() {
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "DELETE", "PUT", "HEAD", "get",
        "X-CUSTOM", "M".repeat(100));
    Arbitrary<String> path = Arbitraries.of(SEGMENTS).list().ofMaxSize(8)
        .map(s -> "/" + String.join("/", s));
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().withChars("abc=&%+;0123456789FFxyz").ofMaxLength(40).map(q -> "?" + q));
    Arbitrary<byte[]> body = Arbitraries.oneOf(Arbitraries.just((byte[]) null),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsnul \\u").ofMaxLength(400)
            .map(s -> s.getBytes(StandardCharsets.UTF_8)));
    return Combinators.combine(method, path, query, body).as((m, p, q, b) ->
        new Hostile("garbage", m, p.replace("?", "%3F").replace("#", "%23").replace(" ", "%20") + q,
            List.of(), b, false));
  }

  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Provide
  Arbitrary<Hostile> hostileAuthorization() {
    String now = AMZ_DATE.format(Instant.now());
    Arbitrary<String> scheme = Arbitraries.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", "AWS",
        "Bearer", "Basic", "", "aws4-hmac-sha256", "AWS4-HMAC-SHA256\u0000");
    Arbitrary<String> key = Arbitraries.of("AKIAHARDENING0000001", "ASIAHARDENING0000001",
        "AKIAUNKNOWN", "", "../../etc", "\u00ff\u00fe", "x".repeat(2000));
    Arbitrary<String> date = Arbitraries.of(now.substring(0, 8), "20000101", "", "2024-01-01",
        "99999999");
    Arbitrary<String> region = Arbitraries.of("us-east-1", "", "US EAST", "x".repeat(500), "../");
    Arbitrary<String> service = Arbitraries.of("cognito-sync", "cognito-identity", "", "s3");
    Arbitrary<String> signed = Arbitraries.of("host;x-amz-date", "host", "x-amz-date", "",
        ";;;", "host;x-amz-date;content-type;x-missing", "HOST;X-AMZ-DATE");
    Arbitrary<String> signature = Arbitraries.of("0".repeat(64), "zz", "", "A".repeat(64),
        "0".repeat(10_000));
    Arbitrary<String> amzDate = Arbitraries.of(now, "20000101T000000Z", "not-a-date", "",
        "99991231T235959Z", now + "junk");
    return Combinators.combine(Combinators.combine(scheme, key, date, region, service)
                .as((s, k, d, r, sv) -> s + " Credential=" + k + "/" + d + "/" + r + "/" + sv
                    + "/aws4_request"),
            signed, signature, amzDate, Arbitraries.of(OPS), Arbitraries.of(true, false))
        .as((credential, sh, sig, ad, op, withToken) -> {
          List<String[]> headers = new ArrayList<>();
          headers.add(new String[] {"Authorization", credential + ", SignedHeaders=" + sh
              + ", Signature=" + sig});
          headers.add(new String[] {"X-Amz-Date", ad});
          if (withToken) {
            headers.add(new String[] {"X-Amz-Security-Token", "session"});
          }
          return new Hostile("forged signature on " + op.name(), op.method(),
              op.target(null, null, null), headers,
              op.body() == null ? null : op.body().getBytes(StandardCharsets.UTF_8), true);
        });
  }
}
