package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.ConnectionFault;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What a fault does to a call it fires on. */
public sealed interface FaultAction {

  /**
   * Answer with a modeled error: the model's status, {@code x-amzn-ErrorType: <error>} and {@code
   * {"message": ...}}. The operation must list the error.
   */
  record ServiceError(ErrorShape error, String message) implements FaultAction {
    public ServiceError {
      Objects.requireNonNull(error, "error");
      if (message == null || message.isEmpty()) {
        message = defaultMessage(error);
      }
    }

    static String defaultMessage(ErrorShape error) {
      return switch (error) {
        case TooManyRequestsException -> "Rate exceeded";
        case LambdaThrottledException -> "Lambda function throttled";
        case InternalErrorException -> "An internal error occurred (injected fault)";
        default -> error.name() + " (injected fault)";
      };
    }
  }

  /**
   * A rate limit: a token bucket refilled at {@code perSecond} holding at most {@code burst} tokens
   * (it starts full); a call that finds it empty is answered 429 TooManyRequestsException. Real
   * time, not the engine clock.
   */
  record RateLimit(double perSecond, int burst, Per per) implements FaultAction {
    public RateLimit {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException(
            "rateLimit perSecond must be positive, got " + perSecond);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("rateLimit burst must be at least 1, got " + burst);
      }
      per = per == null ? Per.OPERATION : per;
    }

    /** Which calls share a bucket. */
    public enum Per {
      /** One bucket per operation. */
      OPERATION,
      /** One bucket per identity (pool + identity id). */
      IDENTITY,
      /** One bucket for all the calls the rule matches. */
      RULE;

      static Per parse(String text) {
        try {
          return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "rateLimit per must be operation, identity or rule," + " got " + text);
        }
      }
    }
  }

  /**
   * A real conflict: before the UpdateRecords runs, another device writes the same keys (as the
   * developer principal {@code lastModifiedBy}), so the request's SyncCounts are stale and it fails
   * with a genuine 409 ResourceConflictException (SEMANTICS C2).
   *
   * @param values what the other device writes, key to value (null removes); when empty, every key
   *     the request patches gets {@code value}
   */
  record Conflict(Map<String, String> values, String value, String lastModifiedBy)
      implements FaultAction {
    public static final String DEFAULT_VALUE = "written by another device";
    public static final String DEFAULT_LAST_MODIFIED_BY = "another-device";

    public Conflict {
      values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
      value = value == null ? DEFAULT_VALUE : value;
      lastModifiedBy =
          lastModifiedBy == null || lastModifiedBy.isEmpty()
              ? DEFAULT_LAST_MODIFIED_BY
              : lastModifiedBy;
    }
  }

  /**
   * Answer late: after {@code min}, or a time drawn uniformly from [min, max] with a generator
   * seeded by {@code seed}. The call is served as usual.
   */
  record Latency(Duration min, Duration max, long seed) implements FaultAction {
    public Latency {
      Objects.requireNonNull(min, "min");
      max = max == null ? min : max;
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("delay needs 0 <= min <= max, got " + min + ", " + max);
      }
      if (max.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("delay is capped at 10 minutes, got " + max);
      }
    }

    public boolean fixed() {
      return min.equals(max);
    }
  }

  /**
   * Break the connection instead of answering. With {@code afterApplying} the call is applied first
   * (the answer is lost); without, it never reaches the state.
   */
  record Disconnect(ConnectionFault fault, boolean afterApplying) implements FaultAction {
    public Disconnect {
      Objects.requireNonNull(fault, "fault");
    }
  }

  static FaultAction error(ErrorShape error) {
    return new ServiceError(error, null);
  }

  static FaultAction error(ErrorShape error, String message) {
    return new ServiceError(error, message);
  }

  static FaultAction rateLimit(double perSecond, int burst, RateLimit.Per per) {
    return new RateLimit(perSecond, burst, per);
  }

  static FaultAction conflict() {
    return new Conflict(null, null, null);
  }

  static FaultAction conflict(Map<String, String> values) {
    return new Conflict(values, null, null);
  }

  static FaultAction delay(Duration fixed) {
    return new Latency(fixed, fixed, 0);
  }

  static FaultAction delay(Duration min, Duration max, long seed) {
    return new Latency(min, max, seed);
  }

  static FaultAction disconnect(ConnectionFault fault) {
    return new Disconnect(fault, false);
  }
}
