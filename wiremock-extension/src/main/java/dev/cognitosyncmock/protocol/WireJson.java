package dev.cognitosyncmock.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the protocol, and the epoch-second timestamps of rest-json. */
public final class WireJson {
  /**
   * Nesting is capped well below Jackson's default: no Cognito Sync input nests deeper than 4, and
   * a hostile body should not cost stack. BigDecimal is written plain so timestamps never come out
   * in exponent form (SEMANTICS A4).
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build())
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // state documents may leave counts out; they are filled in on import
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private WireJson() {}

  /** Epoch seconds with millisecond fraction, trailing zeros dropped: 1700574873.059. */
  public static BigDecimal epochSeconds(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  /** Accepts integer or fractional epoch seconds (SEMANTICS A3). */
  public static Instant instant(BigDecimal epochSeconds) {
    BigDecimal nanos = epochSeconds.movePointRight(9);
    long whole = epochSeconds.longValue();
    long fraction = nanos.subtract(BigDecimal.valueOf(whole).movePointRight(9)).longValue();
    return Instant.ofEpochSecond(whole, fraction);
  }
}
