package dev.cognitosyncmock.bench.proposal;

import dev.cognitosyncmock.bench.AverageTimeBenchmark;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.SyncSessionToken;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two cheap changes to the per-request path, measured against what the mock does today (the mock is
 * not changed by this module):
 *
 * <ul>
 *   <li>the SyncSessionToken as a stored gzip block ({@link StoredGzipToken}) instead of zlib
 *       compression, both ways;
 *   <li>request and session ids from a per-thread {@link SplittableRandom} instead of {@link
 *       UUID#randomUUID()}, whose SecureRandom is shared and synchronized (run with {@code -t 2} to
 *       see it contended).
 * </ul>
 *
 * The setup checks that each form decodes with the other's decoder.
 */
@State(Scope.Thread)
public class TokenCodecBenchmark extends AverageTimeBenchmark {
  SyncSessionToken session;
  String zlibToken;
  String storedToken;
  final SplittableRandom random = new SplittableRandom();

  @Setup(Level.Trial)
  public void setUp() {
    session =
        new SyncSessionToken(
            UUID.randomUUID().toString(),
            new DatasetKey(
                "us-east-1:11111111-2222-3333-4444-555555555555",
                "us-east-1:00000000-0000-0000-0000-000000000042",
                "settings"),
            Instant.ofEpochMilli(1763730000123L));
    zlibToken = session.encode();
    storedToken = StoredGzipToken.encode(session);
    check(SyncSessionToken.decode(storedToken), "today's decoder reads the stored form");
    check(StoredGzipToken.decode(zlibToken), "the proposed decoder reads today's tokens");
    check(StoredGzipToken.decode(storedToken), "the proposed decoder reads its own");
    if (!storedToken.startsWith("H4sI")) {
      throw new IllegalStateException(storedToken);
    }
  }

  private void check(Optional<SyncSessionToken> decoded, String what) {
    if (!decoded.equals(Optional.of(session))) {
      throw new IllegalStateException(what + ": " + decoded);
    }
  }

  @Benchmark
  public String encodeZlibToday() {
    return session.encode();
  }

  @Benchmark
  public String encodeStoredProposed() {
    return StoredGzipToken.encode(session);
  }

  @Benchmark
  public Optional<SyncSessionToken> decodeZlibToday() {
    return SyncSessionToken.decode(zlibToken);
  }

  @Benchmark
  public Optional<SyncSessionToken> decodeStoredProposed() {
    return StoredGzipToken.decode(storedToken);
  }

  @Benchmark
  public UUID uuidSecureRandomToday() {
    return UUID.randomUUID();
  }

  /** A version-4 UUID from the thread's own generator: fine for ids that guard nothing. */
  @Benchmark
  public UUID uuidPerThreadProposed() {
    SplittableRandom r = random;
    return new UUID(
        (r.nextLong() & ~0xf000L) | 0x4000L,
        (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
  }
}
