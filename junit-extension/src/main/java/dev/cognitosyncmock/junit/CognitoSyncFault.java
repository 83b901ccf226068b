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

  /**
   * A name for the rule, as {@code mock.faults().get(id)} finds it; empty for a generated one.
   *
   * @return the rule's id, or empty for a generated one
   */
  String id() default "";

  // ---------------------------------------------------------------- match

  /**
   * The operation's model name, e.g. {@code UpdateRecords}; {@code *} for any.
   *
   * @return the operation, or {@code *} for any
   */
  String operation() default "*";

  /**
   * Matches calls on this identity pool only.
   *
   * @return the pool id, or empty for any
   */
  String identityPoolId() default "";

  /**
   * Matches calls on this identity only.
   *
   * @return the identity id, or empty for any
   */
  String identityId() default "";

  /**
   * Matches calls on this dataset only.
   *
   * @return the dataset name, or empty for any
   */
  String datasetName() default "";

  /**
   * Matches an UpdateRecords call that patches this key.
   *
   * @return the record key, or empty for any call
   */
  String recordKey() default "";

  // ---------------------------------------------------------------- trigger (at most one)

  /**
   * Only the n-th matching call.
   *
   * @return n, from 1; 0 for no such trigger
   */
  long nthCall() default 0;

  /**
   * The first n matching calls.
   *
   * @return n; 0 for no such trigger
   */
  long firstCalls() default 0;

  /**
   * Every n-th matching call.
   *
   * @return n; 0 for no such trigger
   */
  long everyNthCall() default 0;

  /**
   * Each matching call with this probability (0..1), drawn from {@link #seed()}.
   *
   * @return the probability; negative for no such trigger
   */
  double probability() default -1;

  /**
   * Seed of {@link #probability()} and of a random delay.
   *
   * @return the seed; default 0
   */
  long seed() default 0;

  /**
   * Opens a time window this long (ISO-8601, {@code PT2S}) after the test starts.
   *
   * @return an ISO-8601 duration, or empty for no window
   */
  String windowAfter() default "";

  /**
   * How long the window stays open (ISO-8601); empty: until the test ends.
   *
   * @return an ISO-8601 duration, or empty for an open end
   */
  String windowDuration() default "";

  // ---------------------------------------------------------------- action (exactly one)

  /**
   * Answer with this modeled error, e.g. {@code TooManyRequestsException}.
   *
   * @return the error's name, or empty for another action
   */
  String error() default "";

  /**
   * The error's message; empty for the default ({@code Rate exceeded} for throttling).
   *
   * @return the message, or empty for the default
   */
  String message() default "";

  /**
   * A rate limit: TooManyRequestsException above this many calls per second.
   *
   * @return calls per second; 0 for no rate limit
   */
  double rateLimit() default 0;

  /**
   * The rate limit's bucket size.
   *
   * @return calls the bucket holds; default 1
   */
  int burst() default 1;

  /**
   * Which calls share a rate-limit bucket: {@code operation}, {@code identity} or {@code rule}.
   *
   * @return {@code operation} (the default), {@code identity} or {@code rule}
   */
  String per() default "operation";

  /**
   * A real conflict: another device writes the patched keys just before the UpdateRecords.
   *
   * @return whether the call meets a conflict
   */
  boolean conflict() default false;

  /**
   * What the other device writes, as {@code key=value}; empty: every patched key.
   *
   * @return {@code key=value} pairs, or none for every patched key
   */
  String[] conflictValues() default {};

  /**
   * Answer after this many milliseconds (with {@link #delayMaxMs()}: at least this many).
   *
   * @return milliseconds; negative for no delay
   */
  long delayMs() default -1;

  /**
   * With {@link #delayMs()}: a delay drawn uniformly from [delayMs, delayMaxMs].
   *
   * @return milliseconds; negative for a fixed delay
   */
  long delayMaxMs() default -1;

  /**
   * Break the connection: {@code CONNECTION_RESET_BY_PEER}, {@code EMPTY_RESPONSE}, {@code
   * MALFORMED_RESPONSE_CHUNK} or {@code RANDOM_DATA_THEN_CLOSE}.
   *
   * @return the fault's name, or empty for another action
   */
  String connectionFault() default "";

  /**
   * With {@link #connectionFault()}: apply the call first, then lose the answer.
   *
   * @return whether the call is applied before the connection breaks
   */
  boolean afterApplying() default false;

  /**
   * The whole rule as JSON (docs/faults.md), instead of the attributes above.
   *
   * @return the rule as JSON, or empty to use the attributes
   */
  String json() default "";
}
