package dev.cognitosyncmock.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a rule fires, counting only the calls its {@link FaultMatch} matches (the first matching
 * call is call 1).
 */
public sealed interface FaultTrigger {

  /** Every matching call. */
  record Always() implements FaultTrigger {}

  /** Only the n-th matching call. */
  record NthCall(long n) implements FaultTrigger {
    public NthCall {
      positive(n, "nthCall");
    }
  }

  /** The first n matching calls. */
  record FirstCalls(long n) implements FaultTrigger {
    public FirstCalls {
      positive(n, "firstCalls");
    }
  }

  /** Every n-th matching call: n, 2n, 3n, ... */
  record EveryNthCall(long n) implements FaultTrigger {
    public EveryNthCall {
      positive(n, "everyNthCall");
    }
  }

  /**
   * Each matching call with this probability, drawn from a generator seeded with {@code seed}: the
   * same calls in the same order fire the same way on every run.
   */
  record Probability(double probability, long seed) implements FaultTrigger {
    public Probability {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException(
            "probability must be between 0 and 1, got " + probability);
      }
    }
  }

  /** Matching calls while the engine clock is in [start, end); a null bound is open. */
  record Window(Instant start, Instant end) implements FaultTrigger {
    public Window {
      if (start != null && end != null && !start.isBefore(end)) {
        throw new IllegalArgumentException(
            "window start " + start + " is not before its end " + end);
      }
    }

    boolean contains(Instant now) {
      return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
    }
  }

  /**
   * A {@link Window} that opens {@code after} the rule is added and stays open for {@code duration}
   * (null: for good), on the engine clock. Resolved when the rule is added.
   */
  record RelativeWindow(Duration after, Duration duration) implements FaultTrigger {
    public RelativeWindow {
      after = after == null ? Duration.ZERO : after;
      if (after.isNegative()
          || (duration != null && (duration.isNegative() || duration.isZero()))) {
        throw new IllegalArgumentException("window after must be >= 0 and duration > 0");
      }
    }

    Window resolve(Instant now) {
      Instant start = now.plus(after);
      return new Window(start, duration == null ? null : start.plus(duration));
    }
  }

  static FaultTrigger always() {
    return new Always();
  }

  static FaultTrigger nthCall(long n) {
    return new NthCall(n);
  }

  static FaultTrigger firstCalls(long n) {
    return new FirstCalls(n);
  }

  static FaultTrigger everyNthCall(long n) {
    return new EveryNthCall(n);
  }

  static FaultTrigger probability(double probability, long seed) {
    return new Probability(probability, seed);
  }

  static FaultTrigger window(Instant start, Instant end) {
    return new Window(start, end);
  }

  static FaultTrigger during(Duration after, Duration duration) {
    return new RelativeWindow(after, duration);
  }

  private static void positive(long n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + n);
    }
  }

  /** Never null. */
  static FaultTrigger orAlways(FaultTrigger trigger) {
    return Objects.requireNonNullElseGet(trigger, Always::new);
  }
}
