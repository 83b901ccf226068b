package dev.cognitosyncmock.engine;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version-4 UUIDs for ids that label and guard nothing (request ids, session ids, device ids):
 * SplitMix64 over a counter seeded once from {@link SecureRandom}. Lock-free and, in practice,
 * distinct within a process, where {@link UUID#randomUUID()} takes a shared, synchronized {@code
 * SecureRandom} per call (1 µs per request under load, BENCHMARKS.md).
 */
public final class RandomUuids {
  private static final long GAMMA = 0x9e3779b97f4a7c15L;
  private static final AtomicLong STATE = new AtomicLong(new SecureRandom().nextLong());

  private RandomUuids() {}

  /** The next id, as text: {@code 3f1c...-....-4...-[89ab]...-...}. */
  public static String next() {
    return nextUuid().toString();
  }

  /** The next id. */
  public static UUID nextUuid() {
    long a = mix(STATE.addAndGet(GAMMA));
    long b = mix(STATE.addAndGet(GAMMA));
    return new UUID((a & ~0xf000L) | 0x4000L, (b & 0x3fffffffffffffffL) | 0x8000000000000000L);
  }

  /** SplitMix64's finaliser: a bijection, so distinct counter values give distinct outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
