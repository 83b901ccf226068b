package dev.cognitosyncmock.protocol;

import java.math.BigDecimal;
import java.time.Instant;

/** The timestamps of rest-json and awsJson: epoch seconds with a millisecond fraction. */
public final class EpochSeconds {
  private EpochSeconds() {}

  /** Trailing zeros dropped: 1700574873.059, 1700574873. */
  public static BigDecimal of(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  /** Accepts integer or fractional epoch seconds (SEMANTICS A3). */
  public static Instant toInstant(BigDecimal epochSeconds) {
    BigDecimal nanos = epochSeconds.movePointRight(9);
    long whole = epochSeconds.longValue();
    long fraction = nanos.subtract(BigDecimal.valueOf(whole).movePointRight(9)).longValue();
    return Instant.ofEpochSecond(whole, fraction);
  }
}
