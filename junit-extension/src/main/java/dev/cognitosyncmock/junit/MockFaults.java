package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.FaultRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The mock's fault rules, from the handle ({@code mock.faults()}): add, list, read how often a rule
 * fired, remove. Rules added here follow the class's reset policy: under {@link
 * ResetPolicy#PER_TEST} each test starts with the rules the {@code @BeforeAll} methods added
 * (counts at zero) and none of those an earlier test added.
 */
public final class MockFaults {
  private final FaultInjector faults;

  MockFaults(FaultInjector faults) {
    this.faults = faults;
  }

  /**
   * Adds a rule after the others.
   *
   * <pre>{@code
   * mock.faults().add(FaultRule.on("UpdateRecords").nthCall(2)
   *     .error(ErrorShape.TooManyRequestsException));
   * }</pre>
   *
   * @param rule the rule, with or without an id
   * @return the rule as added, with its id
   * @throws dev.cognitosyncmock.faults.InvalidFaultException when the model does not allow it
   */
  public FaultRule add(FaultRule rule) {
    return faults.rules().add(rule);
  }

  /**
   * Adds rules written as JSON: one rule, an array, or {@code {"rules": [...]}}.
   *
   * @param json the rules, in the format of docs/faults.md
   * @return the rules as added, with their ids
   * @throws dev.cognitosyncmock.faults.InvalidFaultException when the JSON or a rule is invalid
   */
  public List<FaultRule> add(String json) {
    return faults.rules().addAll(FaultJson.readRules(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@return every rule with how many calls it matched and fired on, in the order they were added}
   */
  public List<FaultRules.Status> list() {
    return faults.rules().list();
  }

  /**
   * One rule with its counts.
   *
   * @param id the rule's id
   * @return the rule, or empty for an unknown id
   */
  public Optional<FaultRules.Status> get(String id) {
    return faults.rules().get(id);
  }

  /**
   * How often a rule fired.
   *
   * @param id the rule's id
   * @return the count; 0 for an unknown id
   */
  public long fired(String id) {
    return faults.rules().fired(id);
  }

  /**
   * Removes one rule.
   *
   * @param id the rule's id
   * @return whether there was such a rule
   */
  public boolean remove(String id) {
    return faults.rules().remove(id);
  }

  /** Removes every rule. */
  public void clear() {
    faults.rules().clear();
  }

  @Override
  public String toString() {
    return "MockFaults" + list();
  }
}
