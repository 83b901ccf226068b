package dev.cognitosyncmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault rule in force while a test runs (on a test method) or while each test of the class runs
 * (on the class), from the test's first call after its {@code @BeforeEach} methods until it ends;
 * each test starts the rule's counts afresh. Repeatable. See docs/faults.md.
 *
 * <pre>{@code
 * @CognitoSyncFault(operation = "UpdateRecords", nthCall = 2, error = "TooManyRequestsException")
 * @CognitoSyncFault(operation = "UpdateRecords", conflict = true, conflictValues = "theme=light")
 * @CognitoSyncFault(operation = "ListRecords", rateLimit = 20, burst = 5)
 * @CognitoSyncFault(operation = "*", probability = 0.1, seed = 42, delayMs = 100, delayMaxMs = 300)
 * @CognitoSyncFault(operation = "DescribeDataset", connectionFault = "CONNECTION_RESET_BY_PEER")
 * @CognitoSyncFault(json = """
 *     {"match": {"operation": "UpdateRecords"}, "action": {"error": "InternalErrorException"}}""")
 * }</pre>
 *
 * <p>Give at most one trigger (none: every matching call) and exactly one action. A rule the model
 * does not allow (an error the operation does not list) fails the test's set-up.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(CognitoSyncFaults.class)
public @interface CognitoSyncFault {

  /** A name for the rule, as {@code mock.faults().get(id)} finds it; empty for a generated one. */
  String id() default "";

  // ---------------------------------------------------------------- match

  /** The operation's model name, e.g. {@code UpdateRecords}; {@code *} for any. */
  String operation() default "*";

  String identityPoolId() default "";

  String identityId() default "";

  String datasetName() default "";

  /** Matches an UpdateRecords call that patches this key. */
  String recordKey() default "";

  // ---------------------------------------------------------------- trigger (at most one)

  /** Only the n-th matching call. */
  long nthCall() default 0;

  /** The first n matching calls. */
  long firstCalls() default 0;

  /** Every n-th matching call. */
  long everyNthCall() default 0;

  /** Each matching call with this probability (0..1), drawn from {@link #seed()}. */
  double probability() default -1;

  /** Seed of {@link #probability()} and of a random delay. */
  long seed() default 0;

  /** Opens a time window this long (ISO-8601, {@code PT2S}) after the test starts. */
  String windowAfter() default "";

  /** How long the window stays open (ISO-8601); empty: until the test ends. */
  String windowDuration() default "";

  // ---------------------------------------------------------------- action (exactly one)

  /** Answer with this modeled error, e.g. {@code TooManyRequestsException}. */
  String error() default "";

  /** The error's message; empty for the default ({@code Rate exceeded} for throttling). */
  String message() default "";

  /** A rate limit: TooManyRequestsException above this many calls per second. */
  double rateLimit() default 0;

  /** The rate limit's bucket size. */
  int burst() default 1;

  /** Which calls share a rate-limit bucket: {@code operation}, {@code identity} or {@code rule}. */
  String per() default "operation";

  /** A real conflict: another device writes the patched keys just before the UpdateRecords. */
  boolean conflict() default false;

  /** What the other device writes, as {@code key=value}; empty: every patched key. */
  String[] conflictValues() default {};

  /** Answer after this many milliseconds (with {@link #delayMaxMs()}: at least this many). */
  long delayMs() default -1;

  /** With {@link #delayMs()}: a delay drawn uniformly from [delayMs, delayMaxMs]. */
  long delayMaxMs() default -1;

  /**
   * Break the connection: {@code CONNECTION_RESET_BY_PEER}, {@code EMPTY_RESPONSE}, {@code
   * MALFORMED_RESPONSE_CHUNK} or {@code RANDOM_DATA_THEN_CLOSE}.
   */
  String connectionFault() default "";

  /** With {@link #connectionFault()}: apply the call first, then lose the answer. */
  boolean afterApplying() default false;

  /** The whole rule as JSON (docs/faults.md), instead of the attributes above. */
  String json() default "";
}
