package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.ConnectionFault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One fault rule: which calls it matches, when it fires and what it does. {@code id} may be null
 * until the rule is added to {@link FaultRules}, which assigns one.
 *
 * <pre>{@code
 * FaultRule.on("UpdateRecords").nthCall(2).error(ErrorShape.TooManyRequestsException)
 * FaultRule.on("UpdateRecords").dataset("settings").firstCalls(1).conflict()
 * FaultRule.on("ListRecords").rateLimit(20)
 * FaultRule.anyOperation().identity(id).probability(0.1, 42).delay(Duration.ofMillis(300))
 * }</pre>
 */
public record FaultRule(
    String id, String description, FaultMatch match, FaultTrigger trigger, FaultAction action) {
  public FaultRule {
    match = match == null ? FaultMatch.ANY : match;
    trigger = FaultTrigger.orAlways(trigger);
    Objects.requireNonNull(action, "action");
  }

  public FaultRule withId(String newId) {
    return new FaultRule(newId, description, match, trigger, action);
  }

  FaultRule withTrigger(FaultTrigger newTrigger) {
    return new FaultRule(id, description, match, newTrigger, action);
  }

  /** Starts a rule for one operation (its model name, e.g. {@code "UpdateRecords"}). */
  public static Builder on(String operation) {
    return new Builder(FaultMatch.operation(Objects.requireNonNull(operation)));
  }

  public static Builder anyOperation() {
    return new Builder(FaultMatch.ANY);
  }

  /** Fluent construction: match fields, then a trigger (default: every call), then the action. */
  public static final class Builder {
    private FaultMatch match;
    private FaultTrigger trigger = FaultTrigger.always();
    private String id;
    private String description;

    private Builder(FaultMatch match) {
      this.match = match;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder identityPool(String identityPoolId) {
      match = match.withIdentityPoolId(identityPoolId);
      return this;
    }

    public Builder identity(String identityId) {
      match = match.withIdentityId(identityId);
      return this;
    }

    public Builder dataset(String datasetName) {
      match = match.withDatasetName(datasetName);
      return this;
    }

    public Builder recordKey(String key) {
      match = match.withRecordKey(key);
      return this;
    }

    public Builder trigger(FaultTrigger trigger) {
      this.trigger = Objects.requireNonNull(trigger);
      return this;
    }

    public Builder always() {
      return trigger(FaultTrigger.always());
    }

    public Builder nthCall(long n) {
      return trigger(FaultTrigger.nthCall(n));
    }

    public Builder firstCalls(long n) {
      return trigger(FaultTrigger.firstCalls(n));
    }

    public Builder everyNthCall(long n) {
      return trigger(FaultTrigger.everyNthCall(n));
    }

    public Builder probability(double probability, long seed) {
      return trigger(FaultTrigger.probability(probability, seed));
    }

    public Builder window(Instant start, Instant end) {
      return trigger(FaultTrigger.window(start, end));
    }

    /** From {@code after} the rule is added, for {@code duration}, on the engine clock. */
    public Builder during(Duration after, Duration duration) {
      return trigger(FaultTrigger.during(after, duration));
    }

    public FaultRule action(FaultAction action) {
      return new FaultRule(id, description, match, trigger, action);
    }

    public FaultRule error(ErrorShape error) {
      return action(FaultAction.error(error));
    }

    public FaultRule error(ErrorShape error, String message) {
      return action(FaultAction.error(error, message));
    }

    /** TooManyRequestsException above {@code perSecond} calls per operation, burst 1. */
    public FaultRule rateLimit(double perSecond) {
      return action(FaultAction.rateLimit(perSecond, 1, FaultAction.RateLimit.Per.OPERATION));
    }

    public FaultRule rateLimit(double perSecond, int burst, FaultAction.RateLimit.Per per) {
      return action(FaultAction.rateLimit(perSecond, burst, per));
    }

    public FaultRule conflict() {
      return action(FaultAction.conflict());
    }

    public FaultRule conflict(Map<String, String> values) {
      return action(FaultAction.conflict(values));
    }

    public FaultRule delay(Duration fixed) {
      return action(FaultAction.delay(fixed));
    }

    public FaultRule delay(Duration min, Duration max, long seed) {
      return action(FaultAction.delay(min, max, seed));
    }

    public FaultRule connectionFault(ConnectionFault fault) {
      return action(FaultAction.disconnect(fault));
    }

    public FaultRule connectionFault(ConnectionFault fault, boolean afterApplying) {
      return action(new FaultAction.Disconnect(fault, afterApplying));
    }
  }
}
