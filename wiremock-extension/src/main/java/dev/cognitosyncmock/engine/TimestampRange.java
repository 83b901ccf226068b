package dev.cognitosyncmock.engine;

import java.time.Instant;

/**
 * The timestamps the mock stores: years 0001 to 9999, what ISO-8601 prints with four digits and
 * every SDK parses. rest-json carries epoch seconds, and a JSON number may be far beyond what any
 * date type holds (1e20, Instant.MAX); such a value is refused before anything is written, never
 * stored to fail when it is read back.
 */
public final class TimestampRange {
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

  private TimestampRange() {}

  public static boolean contains(Instant instant) {
    return !instant.isBefore(MIN) && !instant.isAfter(MAX);
  }

  /** The constraint in the AWS validation wording: "Member must ..." follows. */
  public static String rule() {
    return "be a timestamp between "
        + MIN
        + " and "
        + MAX
        + " (epoch seconds "
        + MIN.getEpochSecond()
        + " to "
        + MAX.getEpochSecond()
        + ".999)";
  }
}
