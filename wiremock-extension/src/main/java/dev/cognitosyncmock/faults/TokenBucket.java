package dev.cognitosyncmock.faults;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens, starts full, refills continuously at {@code
 * perSecond}; each accepted call takes one token. Thread-safe.
 */
public final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, int capacity, LongSupplier nanoTime) {
    if (!(perSecond > 0) || capacity < 1) {
      throw new IllegalArgumentException("need perSecond > 0 and capacity >= 1");
    }
    this.perNano = perSecond / 1e9;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes a token if one is there. */
  public synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  public synchronized double available() {
    long now = nanoTime.getAsLong();
    return Math.min(capacity, tokens + (now - last) * perNano);
  }
}
