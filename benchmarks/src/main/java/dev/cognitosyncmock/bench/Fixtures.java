package dev.cognitosyncmock.bench;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncEngine;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data every benchmark works on: one identity pool, identities named by number, datasets {@code
 * ds0..}, one record {@code k<g>} per dataset, where g is the dataset's global index. The HTTP
 * scripts (lua/sync-mix.lua, seed.sh) use the same names.
 */
final class Fixtures {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String POOL_ENCODED = "us-east-1%3A11111111-2222-3333-4444-555555555555";
  static final Caller DEVELOPER = Caller.developer();

  /** Headers an AWS SDK v2 client sends with every call; the protocol copies them per request. */
  static final Map<String, String> SDK_HEADERS = sdkHeaders();

  private Fixtures() {}

  static String identityId(long n) {
    return String.format("us-east-1:00000000-0000-0000-0000-%012d", n);
  }

  static DatasetKey dataset(int g, int datasetsPerIdentity) {
    return new DatasetKey(
        POOL, identityId(g / datasetsPerIdentity), "ds" + (g % datasetsPerIdentity));
  }

  /** The raw request path of UpdateRecords for dataset g, as an SDK encodes it (":" as %3A). */
  static String datasetPath(int g, int datasetsPerIdentity) {
    return "/identitypools/"
        + POOL_ENCODED
        + "/identities/"
        + identityId(g / datasetsPerIdentity).replace(":", "%3A")
        + "/datasets/ds"
        + (g % datasetsPerIdentity);
  }

  /** Writes record k<g> into each of the first {@code datasets} datasets (sync count 1). */
  static void seed(SyncEngine engine, int datasets, int datasetsPerIdentity) {
    for (int g = 0; g < datasets; g++) {
      engine.putRecords(DEVELOPER, dataset(g, datasetsPerIdentity), Map.of("k" + g, "v0000000000"));
    }
  }

  private static Map<String, String> sdkHeaders() {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.put("Host", "127.0.0.1:8080");
    h.put("amz-sdk-invocation-id", "4a8c8b3c-61b5-4b4c-9a3b-0d1f3f7d2a11");
    h.put("amz-sdk-request", "attempt=1; max=4");
    h.put(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251121/us-east-1/"
            + "cognito-sync/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;"
            + "content-type;host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789"
            + "abcdef0123456789abcdef");
    h.put("Content-Type", "application/json");
    h.put(
        "User-Agent",
        "aws-sdk-java/2.40.2 md/io#sync md/http#UrlConnection ua/2.1 "
            + "os/Linux#6.1 lang/java#17.0.15 md/OpenJDK_64-Bit_Server_VM#17.0.15 m/D");
    h.put("X-Amz-Date", "20251121T120000Z");
    return Map.copyOf(h);
  }
}
