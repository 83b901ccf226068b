package dev.cognitosyncmock.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.ConnectionFault;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.util.StdConverter;

/**
 * The JSON documents of docs/faults.md as records Jackson binds strictly ({@link FaultJson}), and
 * their conversion to and from the fault model. A trigger and an action are each one of a sealed
 * set of shapes, told apart by the member that names them ({@link KeyedDeserializer}).
 *
 * <pre>
 * rule:    {"id": "...", "description": "...",
 *           "match":   {"operation": "UpdateRecords", "identityPoolId": "...", "identityId": "...",
 *                       "datasetName": "...", "recordKey": "..."},
 *           "trigger": {"nthCall": 2} | {"firstCalls": 3} | {"everyNthCall": 5}
 *                    | {"probability": 0.1, "seed": 42} | {"always": true}
 *                    | {"window": {"start": "2024-01-01T00:00:00Z", "end": "..."}}
 *                    | {"window": {"after": "PT1S", "duration": "PT10S"}},
 *           "action":  ACTION}
 * ACTION:  {"error": "TooManyRequestsException", "message": "..."}
 *        | {"rateLimit": {"perSecond": 20, "burst": 1, "per": "operation|identity|rule"}}
 *        | {"conflict": {"values": {"key": "value"}, "value": "...", "lastModifiedBy": "..."}}
 *        | {"delay": {"fixedMs": 500}} | {"delay": {"minMs": 100, "maxMs": 400, "seed": 7}}
 *        | {"connectionFault": "CONNECTION_RESET_BY_PEER", "afterApplying": false}
 * </pre>
 */
final class FaultDocuments {
  private FaultDocuments() {}

  /** What each document is called in messages. */
  static final Map<Class<?>, String> NAMES =
      Map.ofEntries(
          Map.entry(RuleDoc.class, "fault rule"),
          Map.entry(MatchDoc.class, "match"),
          Map.entry(WindowSpec.class, "window"),
          Map.entry(RateSpec.class, "rateLimit"),
          Map.entry(ConflictSpec.class, "conflict"),
          Map.entry(DelaySpec.class, "delay"),
          Map.entry(ScenarioDoc.class, "scenario"),
          Map.entry(ScenarioStep.class, "scenario step"));

  /** How a message names the JSON type a member must have. */
  static String kind(Class<?> type) {
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return type == String.class ? "a string" : "a JSON object";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RuleDoc(
      String id, String description, MatchDoc match, TriggerDoc trigger, ActionDoc action) {
    FaultRule toRule() {
      if (action == null) {
        throw new InvalidFaultException("A fault rule needs an action");
      }
      return new FaultRule(
          id,
          description,
          match == null ? FaultMatch.ANY : match.toMatch(),
          trigger == null ? FaultTrigger.always() : trigger.toTrigger(),
          action.toAction());
    }

    static RuleDoc of(FaultRule r) {
      FaultMatch m = r.match();
      return new RuleDoc(
          r.id(),
          r.description(),
          new MatchDoc(
              m.operation() == null ? "*" : m.operation(),
              m.identityPoolId(),
              m.identityId(),
              m.datasetName(),
              m.recordKey()),
          TriggerDoc.of(r.trigger()),
          ActionDoc.of(r.action()));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MatchDoc(
      String operation,
      String identityPoolId,
      String identityId,
      String datasetName,
      String recordKey) {
    FaultMatch toMatch() {
      return new FaultMatch(operation, identityPoolId, identityId, datasetName, recordKey);
    }
  }

  // ------------------------------------------------------------------ triggers

  sealed interface TriggerDoc {
    FaultTrigger toTrigger();

    static TriggerDoc of(FaultTrigger t) {
      if (t instanceof FaultTrigger.NthCall n) {
        return new NthCallDoc(n.n());
      } else if (t instanceof FaultTrigger.FirstCalls n) {
        return new FirstCallsDoc(n.n());
      } else if (t instanceof FaultTrigger.EveryNthCall n) {
        return new EveryNthCallDoc(n.n());
      } else if (t instanceof FaultTrigger.Probability p) {
        return new ProbabilityDoc(p.probability(), p.seed());
      } else if (t instanceof FaultTrigger.Window w) {
        return new WindowDoc(new WindowSpec(str(w.start()), str(w.end()), null, null));
      } else if (t instanceof FaultTrigger.RelativeWindow w) {
        return new WindowDoc(
            new WindowSpec(
                null,
                null,
                StringNode.valueOf(w.after().toString()),
                w.duration() == null ? null : StringNode.valueOf(w.duration().toString())));
      }
      return new AlwaysDoc(true);
    }
  }

  record AlwaysDoc(Boolean always) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return FaultTrigger.always();
    }
  }

  record NthCallDoc(long nthCall) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return FaultTrigger.nthCall(nthCall);
    }
  }

  record FirstCallsDoc(long firstCalls) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return FaultTrigger.firstCalls(firstCalls);
    }
  }

  record EveryNthCallDoc(long everyNthCall) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return FaultTrigger.everyNthCall(everyNthCall);
    }
  }

  record ProbabilityDoc(double probability, Long seed) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return FaultTrigger.probability(probability, seed == null ? 0 : seed);
    }
  }

  record WindowDoc(WindowSpec window) implements TriggerDoc {
    public FaultTrigger toTrigger() {
      return window.toTrigger();
    }
  }

  /** start/end are ISO-8601 instants; after/duration ISO-8601 durations (PT10S) or seconds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WindowSpec(String start, String end, JsonNode after, JsonNode duration) {
    FaultTrigger toTrigger() {
      if (after != null || duration != null) {
        if (start != null || end != null) {
          throw new InvalidFaultException("A window is either start/end or after/duration");
        }
        return FaultTrigger.during(toDuration("after", after), toDuration("duration", duration));
      }
      return FaultTrigger.window(instant("start", start), instant("end", end));
    }
  }

  // ------------------------------------------------------------------ actions

  sealed interface ActionDoc {
    FaultAction toAction();

    static ActionDoc of(FaultAction a) {
      if (a instanceof FaultAction.ServiceError e) {
        return new ErrorDoc(e.error().name(), e.message());
      } else if (a instanceof FaultAction.RateLimit r) {
        return new RateLimitDoc(
            new RateSpec(r.perSecond(), r.burst(), r.per().name().toLowerCase(Locale.ROOT)));
      } else if (a instanceof FaultAction.Conflict c) {
        return new ConflictDoc(
            new ConflictSpec(
                c.values().isEmpty() ? null : c.values(),
                c.values().isEmpty() ? c.value() : null,
                c.lastModifiedBy()));
      } else if (a instanceof FaultAction.Latency l) {
        return new DelayDoc(
            l.fixed()
                ? new DelaySpec(l.min().toMillis(), null, null, null)
                : new DelaySpec(null, l.min().toMillis(), l.max().toMillis(), l.seed()));
      }
      FaultAction.Disconnect d = (FaultAction.Disconnect) a;
      return new DisconnectDoc(d.fault().name(), d.afterApplying());
    }
  }

  record ErrorDoc(String error, String message) implements ActionDoc {
    public FaultAction toAction() {
      try {
        return FaultAction.error(ErrorShape.valueOf(error), message);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new InvalidFaultException(
            "Unknown error '"
                + error
                + "'; the model's errors are "
                + Arrays.toString(ErrorShape.values()));
      }
    }
  }

  record RateLimitDoc(RateSpec rateLimit) implements ActionDoc {
    public FaultAction toAction() {
      if (rateLimit.perSecond() == null) {
        throw new InvalidFaultException("rateLimit needs perSecond");
      }
      return FaultAction.rateLimit(
          rateLimit.perSecond(),
          rateLimit.burst() == null ? 1 : rateLimit.burst(),
          rateLimit.per() == null
              ? FaultAction.RateLimit.Per.OPERATION
              : FaultAction.RateLimit.Per.parse(rateLimit.per()));
    }
  }

  record RateSpec(Double perSecond, Integer burst, String per) {}

  /** {@code "conflict": true} is short for {@code "conflict": {}}. */
  record ConflictDoc(ConflictSpec conflict) implements ActionDoc {
    public FaultAction toAction() {
      return new FaultAction.Conflict(
          conflict.values(), conflict.value(), conflict.lastModifiedBy());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConflictSpec(Map<String, String> values, String value, String lastModifiedBy) {}

  /** {@code "delay": 500} is short for {@code "delay": {"fixedMs": 500}}. */
  record DelayDoc(DelaySpec delay) implements ActionDoc {
    public FaultAction toAction() {
      DelaySpec d = delay;
      if (d.fixedMs() != null) {
        if (d.minMs() != null || d.maxMs() != null) {
          throw new InvalidFaultException("A delay is either fixedMs or minMs/maxMs");
        }
        return FaultAction.delay(Duration.ofMillis(d.fixedMs()));
      }
      if (d.minMs() == null || d.maxMs() == null) {
        throw new InvalidFaultException("A delay needs fixedMs, or minMs and maxMs");
      }
      return FaultAction.delay(
          Duration.ofMillis(d.minMs()),
          Duration.ofMillis(d.maxMs()),
          d.seed() == null ? 0 : d.seed());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DelaySpec(Long fixedMs, Long minMs, Long maxMs, Long seed) {}

  record DisconnectDoc(String connectionFault, Boolean afterApplying) implements ActionDoc {
    public FaultAction toAction() {
      return new FaultAction.Disconnect(
          toConnectionFault(
              connectionFault,
              "connectionFault is one of "
                  + Arrays.toString(ConnectionFault.values())
                  + ", got "
                  + connectionFault),
          Boolean.TRUE.equals(afterApplying));
    }
  }

  // ------------------------------------------------------------------ scenarios

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ScenarioDoc(String name, String description, java.util.List<JsonNode> steps) {}

  /** A scenario step's fault, read as an action document. */
  static final class ActionFromDoc extends StdConverter<ActionDoc, FaultAction> {
    @Override
    public FaultAction convert(ActionDoc doc) {
      return doc.toAction();
    }
  }

  /**
   * A scenario step's fault, written as an action document (typed Object so that Jackson picks the
   * document's serializer by its class, not by the interface).
   */
  static final class ActionToDoc extends StdConverter<FaultAction, Object> {
    @Override
    public Object convert(FaultAction action) {
      return ActionDoc.of(action);
    }
  }

  /** A scenario step's connection fault, by name in any case. */
  static final class ConnectionFaultName extends StdConverter<String, ConnectionFault> {
    @Override
    public ConnectionFault convert(String name) {
      return toConnectionFault(name, "unknown connectionFault " + name);
    }
  }

  // ------------------------------------------------------------------ values

  private static ConnectionFault toConnectionFault(String name, String otherwise) {
    try {
      return ConnectionFault.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidFaultException(otherwise);
    }
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static Duration toDuration(String member, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Duration.ofMillis(v.decimalValue().movePointRight(3).longValue());
    }
    try {
      return Duration.parse(v.asString());
    } catch (DateTimeParseException e) {
      throw new InvalidFaultException(
          member + " must be an ISO-8601 duration (PT10S) or" + " seconds, got " + v);
    }
  }

  private static Instant instant(String member, String v) {
    try {
      return v == null ? null : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidFaultException(member + " must be an ISO-8601 instant, got " + v);
    }
  }
}
