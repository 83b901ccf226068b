package dev.cognitosyncmock.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A scenario being replayed: counts the calls since it was loaded and, at each step marked with a
 * fault, fires that fault when the call is the operation the step recorded. A call whose operation
 * differs from the recorded one is reported as a divergence and not faulted.
 */
public final class ScenarioReplay {
  private static final int MAX_DIVERGENCES = 100;

  private final Scenario scenario;
  private int position;
  private final List<FiredStep> fired = new ArrayList<>();
  private final List<Divergence> divergences = new ArrayList<>();

  ScenarioReplay(Scenario scenario) {
    this.scenario = scenario;
  }

  /** A marked step whose fault fired. */
  public record FiredStep(int step, String operation, FaultAction fault) {}

  /** A step where the call was not the recorded operation. */
  public record Divergence(int step, String expectedOperation, String actualOperation) {}

  /** Where the replay stands. */
  public record Status(
      String name,
      int steps,
      int position,
      List<Integer> faultSteps,
      List<FiredStep> fired,
      List<Divergence> divergences) {}

  public Scenario scenario() {
    return scenario;
  }

  public synchronized Status status() {
    return new Status(
        scenario.name(),
        scenario.steps().size(),
        position,
        scenario.faultSteps(),
        List.copyOf(fired),
        List.copyOf(divergences));
  }

  /** Counts the call as the next step; answers that step's fault when it fires. */
  synchronized FaultCandidate next(FaultCall call) {
    int number = ++position;
    ScenarioStep step = scenario.step(number);
    if (step == null) {
      return null;
    }
    if (!step.operation().equals(call.operation())) {
      if (divergences.size() < MAX_DIVERGENCES) {
        divergences.add(new Divergence(number, step.operation(), call.operation()));
      }
      return null;
    }
    if (step.fault() == null) {
      return null;
    }
    FaultAction action = step.fault();
    Duration delay =
        action instanceof FaultAction.Latency l
            ? FaultRules.sample(l, new Random(l.seed() + number))
            : null;
    return new FaultCandidate(
        "scenario step " + number,
        action,
        delay,
        () -> {
          synchronized (this) {
            fired.add(new FiredStep(number, call.operation(), action));
          }
        });
  }
}
