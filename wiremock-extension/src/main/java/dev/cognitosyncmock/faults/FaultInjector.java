package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.protocol.CallInterceptor;
import dev.cognitosyncmock.protocol.ConnectionFault;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.RequestContext;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Fault injection and scenario recording for one mock, hooked into the protocol after validation
 * and before each handler. For every call, in this order:
 *
 * <ol>
 *   <li>a fault forced for this call (a WireMock stub naming the extension with parameters);
 *   <li>the replayed scenario's fault for this step, if the step is marked;
 *   <li>the fault rules, in the order they were added.
 * </ol>
 *
 * Every matching rule counts the call. Of the faults that fire, delays add up; the first error,
 * rate-limit rejection or connection fault decides the answer, and the faults after it (other than
 * delays) are not applied; a conflict before it writes its values first.
 */
public final class FaultInjector implements CallInterceptor {
  private final FaultValidation validation;
  private final SyncEngine engine;
  private final FaultRules rules;
  private final ScenarioRecorder recorder = new ScenarioRecorder();
  private volatile ScenarioReplay replay;

  /** The fault a stub forces on one request; the adapter puts it in the request's context. */
  public static final RequestContext.Key<FaultAction> FORCED =
      new RequestContext.Key<>("forced fault");

  /** The scenario step being recorded for a request, from intercept to completed. */
  private static final RequestContext.Key<ScenarioRecorder.Pending> PENDING =
      new RequestContext.Key<>("recorded step");

  public FaultInjector(ServiceModel model, SyncEngine engine) {
    this(model, engine, System::nanoTime);
  }

  /**
   * Fault injection for the operations of several services on one endpoint (Sync and Identity);
   * each model is asked for only when a rule, step or forced fault names an operation not in the
   * ones before it.
   */
  public FaultInjector(List<Supplier<ServiceModel>> models, SyncEngine engine) {
    this.validation = new FaultValidation(models);
    this.engine = engine;
    this.rules = new FaultRules(validation, engine.clock(), System::nanoTime);
  }

  /**
   * @param nanoTime the time source of rate limits (real time by default)
   */
  public FaultInjector(ServiceModel model, SyncEngine engine, LongSupplier nanoTime) {
    this.validation = new FaultValidation(model);
    this.engine = engine;
    this.rules = new FaultRules(validation, engine.clock(), nanoTime);
  }

  public FaultRules rules() {
    return rules;
  }

  /** Adds a rule; see {@link FaultRules#add}. */
  public FaultRule add(FaultRule rule) {
    return rules.add(rule);
  }

  public ScenarioRecorder recorder() {
    return recorder;
  }

  public void startRecording(String name) {
    recorder.start(name, null);
  }

  public Scenario stopRecording() {
    return recorder.stop();
  }

  /**
   * Replays {@code scenario} from the next call on: step 1 is the next call that passes validation.
   * Replaces any scenario loaded before.
   *
   * @throws InvalidFaultException when a marked step's fault does not fit its operation
   */
  public void loadScenario(Scenario scenario) {
    for (ScenarioStep step : scenario.steps()) {
      if (step.fault() != null) {
        try {
          validation.check(step.operation(), step.fault(), true);
        } catch (InvalidFaultException e) {
          throw new InvalidFaultException("Step " + step.step() + ": " + e.getMessage());
        }
      }
    }
    replay = new ScenarioReplay(scenario);
  }

  public void unloadScenario() {
    replay = null;
  }

  /** The scenario being replayed and how far it got; empty when none is loaded. */
  public Optional<ScenarioReplay.Status> replayStatus() {
    ScenarioReplay r = replay;
    return r == null ? Optional.empty() : Optional.of(r.status());
  }

  /** Forgets rules, the replayed scenario and any recording. */
  public void clear() {
    rules.clear();
    replay = null;
    if (recorder.isRecording()) {
      recorder.stop();
    }
  }

  /**
   * A context that forces {@code action} on the request it travels with, as a WireMock stub with
   * the extension's transformer and fault parameters does.
   */
  public static RequestContext forcing(FaultAction action) {
    return new RequestContext().with(FORCED, action);
  }

  @Override
  public Interception intercept(OperationCall call, RequestContext context) {
    FaultAction forcedAction = context.get(FORCED);
    ScenarioReplay r = replay;
    if (recorder.isRecording()) {
      context.with(PENDING, recorder.begin(call));
    }
    if (forcedAction == null && r == null && rules.isEmpty()) {
      return Interception.NONE;
    }
    FaultCall faultCall = FaultCall.of(call);
    List<FaultCandidate> fired = new ArrayList<>();
    if (forcedAction != null) {
      try {
        validation.check(call.operation(), forcedAction, true);
      } catch (InvalidFaultException e) {
        throw new ServiceException(
            ErrorShape.InternalErrorException,
            "The cognito-sync stub's fault cannot apply: " + e.getMessage());
      }
      Duration delay =
          forcedAction instanceof FaultAction.Latency l
              ? FaultRules.sample(l, new java.util.Random(l.seed()))
              : null;
      fired.add(new FaultCandidate("stub", forcedAction, delay, () -> {}));
    }
    if (r != null) {
      FaultCandidate step = r.next(faultCall);
      if (step != null) {
        fired.add(step);
      }
    }
    fired.addAll(rules.evaluate(faultCall));
    return fired.isEmpty() ? Interception.NONE : apply(faultCall, fired);
  }

  @Override
  public void completed(OperationCall call, ProtocolResponse response, RequestContext context) {
    ScenarioRecorder.Pending p = context.get(PENDING);
    if (p != null) {
      recorder.complete(p, response);
    }
  }

  private Interception apply(FaultCall call, List<FaultCandidate> fired) {
    Duration delay = Duration.ZERO;
    ServiceException error = null;
    ConnectionFault connectionFault = null;
    boolean runHandler = true;
    boolean decided = false;
    for (FaultCandidate c : fired) {
      FaultAction action = c.action();
      if (action instanceof FaultAction.Latency) {
        delay = delay.plus(c.delay());
      } else if (decided) {
        continue;
      } else if (action instanceof FaultAction.ServiceError e) {
        error = new ServiceException(e.error(), e.message());
        decided = true;
      } else if (action instanceof FaultAction.RateLimit) {
        error = new ServiceException(ErrorShape.TooManyRequestsException, "Rate exceeded");
        decided = true;
      } else if (action instanceof FaultAction.Conflict conflict) {
        writeConflict(call, conflict);
      } else if (action instanceof FaultAction.Disconnect d) {
        connectionFault = d.fault();
        runHandler = d.afterApplying();
        decided = true;
      }
      c.onApplied().run();
    }
    return new Interception(error, delay.isZero() ? null : delay, connectionFault, runHandler);
  }

  /** Another device's write to the keys the request patches, applied before the request. */
  private void writeConflict(FaultCall call, FaultAction.Conflict conflict) {
    DatasetKey key = call.dataset();
    if (key == null) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>(conflict.values());
    if (values.isEmpty()) {
      for (String k : call.recordKeys()) {
        values.put(k, conflict.value());
      }
    }
    if (!values.isEmpty()) {
      engine.putRecords(Caller.developer(conflict.lastModifiedBy()), key, values);
    }
  }
}
