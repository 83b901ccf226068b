package dev.cognitosyncmock.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls in the order they were made, as a recording produced them (a human-editable JSON file, see
 * {@link FaultJson}). Steps marked with a fault are replayed with that fault at exactly that step;
 * every other call is answered by the stateful mock as usual.
 */
public record Scenario(String name, String description, List<ScenarioStep> steps) {
  public Scenario {
    steps = List.copyOf(steps);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (ScenarioStep s : steps) {
      if (!seen.add(s.step())) {
        throw new InvalidFaultException("Scenario step " + s.step() + " appears twice");
      }
    }
  }

  public ScenarioStep step(int number) {
    for (ScenarioStep s : steps) {
      if (s.step() == number) {
        return s;
      }
    }
    return null;
  }

  /** The numbers of the steps marked with a fault, in order. */
  public List<Integer> faultSteps() {
    return steps.stream().filter(ScenarioStep::marked).map(ScenarioStep::step).sorted().toList();
  }

  /** This scenario with step {@code number} marked to fail with {@code fault}. */
  public Scenario withFault(int number, FaultAction fault) {
    List<ScenarioStep> changed = new ArrayList<>();
    boolean found = false;
    for (ScenarioStep s : steps) {
      if (s.step() == number) {
        changed.add(s.withFault(fault));
        found = true;
      } else {
        changed.add(s);
      }
    }
    if (!found) {
      throw new InvalidFaultException("The scenario has no step " + number);
    }
    return new Scenario(name, description, changed);
  }
}
