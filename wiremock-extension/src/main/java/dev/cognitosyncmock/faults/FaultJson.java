package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.protocol.JsonProblem;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.ConnectionFault;
import dev.cognitosyncmock.protocol.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of fault rules and scenarios, as the admin API, the fault file and the scenario
 * file use them. Strict: an unknown member is refused, so a typo does not silently disable a
 * fault.
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
public final class FaultJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FaultJson() {
  }

  // ------------------------------------------------------------------ reading rules

  /** A rule, an array of rules, or {@code {"rules": [...]}}. */
  public static List<FaultRule> readRules(byte[] json) {
    JsonNode root = parse(json);
    List<FaultRule> rules = new ArrayList<>();
    JsonNode list = root.isArray() ? root
        : root.isObject() && root.has("rules") && root.size() == 1 ? root.get("rules") : null;
    if (list == null) {
      rules.add(readRule(root));
    } else {
      if (!list.isArray()) {
        throw new InvalidFaultException("rules must be an array");
      }
      for (JsonNode r : list) {
        rules.add(readRule(r));
      }
    }
    return rules;
  }

  public static List<FaultRule> readRules(Path file) {
    return readRules(bytes(file));
  }

  public static FaultRule readRule(JsonNode node) {
    object(node, "A fault rule");
    allowOnly(node, "fault rule", "id", "description", "match", "trigger", "action");
    if (!node.has("action")) {
      throw new InvalidFaultException("A fault rule needs an action: " + node);
    }
    try {
      return new FaultRule(text(node, "id"), text(node, "description"),
          readMatch(node.get("match")), readTrigger(node.get("trigger")),
          readAction(node.get("action")));
    } catch (InvalidFaultException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidFaultException(e.getMessage());
    }
  }

  static FaultMatch readMatch(JsonNode node) {
    if (node == null || node.isNull()) {
      return FaultMatch.ANY;
    }
    object(node, "match");
    allowOnly(node, "match", "operation", "identityPoolId", "identityId", "datasetName",
        "recordKey");
    return new FaultMatch(text(node, "operation"), text(node, "identityPoolId"),
        text(node, "identityId"), text(node, "datasetName"), text(node, "recordKey"));
  }

  static FaultTrigger readTrigger(JsonNode node) {
    if (node == null || node.isNull()) {
      return FaultTrigger.always();
    }
    object(node, "trigger");
    if (node.has("probability")) {
      allowOnly(node, "trigger", "probability", "seed");
      return FaultTrigger.probability(number(node, "probability").doubleValue(),
          node.has("seed") ? integer(node, "seed") : 0);
    }
    if (node.size() != 1) {
      throw new InvalidFaultException("A trigger is one of always, nthCall, firstCalls,"
          + " everyNthCall, probability (with seed) or window; got " + node);
    }
    String kind = node.propertyNames().iterator().next();
    return switch (kind) {
      case "always" -> FaultTrigger.always();
      case "nthCall" -> FaultTrigger.nthCall(integer(node, kind));
      case "firstCalls" -> FaultTrigger.firstCalls(integer(node, kind));
      case "everyNthCall" -> FaultTrigger.everyNthCall(integer(node, kind));
      case "window" -> readWindow(node.get(kind));
      default -> throw new InvalidFaultException("Unknown trigger '" + kind + "'; a trigger is"
          + " one of always, nthCall, firstCalls, everyNthCall, probability or window");
    };
  }

  private static FaultTrigger readWindow(JsonNode w) {
    object(w, "window");
    allowOnly(w, "window", "start", "end", "after", "duration");
    if (w.has("after") || w.has("duration")) {
      if (w.has("start") || w.has("end")) {
        throw new InvalidFaultException("A window is either start/end or after/duration");
      }
      return FaultTrigger.during(duration(w, "after"), duration(w, "duration"));
    }
    return FaultTrigger.window(instant(w, "start"), instant(w, "end"));
  }

  /** An action: {"error": ...}, {"rateLimit": {...}}, {"conflict": ...}, ... */
  public static FaultAction readAction(JsonNode node) {
    object(node, "An action");
    try {
      if (node.has("error")) {
        allowOnly(node, "action", "error", "message");
        return FaultAction.error(errorShape(text(node, "error")), text(node, "message"));
      }
      if (node.has("rateLimit")) {
        allowOnly(node, "action", "rateLimit");
        JsonNode r = node.get("rateLimit");
        object(r, "rateLimit");
        allowOnly(r, "rateLimit", "perSecond", "burst", "per");
        if (!r.has("perSecond")) {
          throw new InvalidFaultException("rateLimit needs perSecond");
        }
        return FaultAction.rateLimit(number(r, "perSecond").doubleValue(),
            r.has("burst") ? (int) integer(r, "burst") : 1,
            r.has("per") ? FaultAction.RateLimit.Per.parse(text(r, "per"))
                : FaultAction.RateLimit.Per.OPERATION);
      }
      if (node.has("conflict")) {
        allowOnly(node, "action", "conflict");
        JsonNode c = node.get("conflict");
        if (c.isBoolean() && c.asBoolean()) {
          return FaultAction.conflict();
        }
        object(c, "conflict");
        allowOnly(c, "conflict", "values", "value", "lastModifiedBy");
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode v = c.get("values");
        if (v != null && !v.isNull()) {
          object(v, "conflict values");
          for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isNull() && !e.getValue().isString()) {
              throw new InvalidFaultException("conflict values are strings (or null to remove),"
                  + " got " + e.getKey() + ": " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
          }
        }
        return new FaultAction.Conflict(values, text(c, "value"), text(c, "lastModifiedBy"));
      }
      if (node.has("delay")) {
        allowOnly(node, "action", "delay");
        JsonNode d = node.get("delay");
        if (d.isNumber()) {
          return FaultAction.delay(Duration.ofMillis(d.asLong()));
        }
        object(d, "delay");
        allowOnly(d, "delay", "fixedMs", "minMs", "maxMs", "seed");
        if (d.has("fixedMs")) {
          if (d.has("minMs") || d.has("maxMs")) {
            throw new InvalidFaultException("A delay is either fixedMs or minMs/maxMs");
          }
          return FaultAction.delay(Duration.ofMillis(integer(d, "fixedMs")));
        }
        if (!d.has("minMs") || !d.has("maxMs")) {
          throw new InvalidFaultException("A delay needs fixedMs, or minMs and maxMs");
        }
        return FaultAction.delay(Duration.ofMillis(integer(d, "minMs")),
            Duration.ofMillis(integer(d, "maxMs")), d.has("seed") ? integer(d, "seed") : 0);
      }
      if (node.has("connectionFault")) {
        allowOnly(node, "action", "connectionFault", "afterApplying");
        String name = text(node, "connectionFault");
        ConnectionFault fault;
        try {
          fault = ConnectionFault.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new InvalidFaultException("connectionFault is one of "
              + Arrays.toString(ConnectionFault.values()) + ", got " + name);
        }
        JsonNode after = node.get("afterApplying");
        if (after != null && !after.isBoolean()) {
          throw new InvalidFaultException("afterApplying is true or false");
        }
        return new FaultAction.Disconnect(fault, after != null && after.asBoolean());
      }
    } catch (InvalidFaultException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidFaultException(e.getMessage());
    }
    throw new InvalidFaultException("An action is one of error, rateLimit, conflict, delay or"
        + " connectionFault; got " + node);
  }

  private static ErrorShape errorShape(String name) {
    try {
      return ErrorShape.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidFaultException("Unknown error '" + name + "'; the model's errors are "
          + Arrays.toString(ErrorShape.values()));
    }
  }

  // ------------------------------------------------------------------ writing rules

  public static ObjectNode write(FaultRule rule) {
    ObjectNode o = NODES.objectNode();
    o.put("id", rule.id());
    if (rule.description() != null) {
      o.put("description", rule.description());
    }
    o.set("match", writeMatch(rule.match()));
    o.set("trigger", writeTrigger(rule.trigger()));
    o.set("action", writeAction(rule.action()));
    return o;
  }

  public static ObjectNode write(FaultRules.Status status) {
    ObjectNode o = write(status.rule());
    o.put("matched", status.matched());
    o.put("fired", status.fired());
    return o;
  }

  static ObjectNode writeMatch(FaultMatch m) {
    ObjectNode o = NODES.objectNode();
    o.put("operation", m.operation() == null ? "*" : m.operation());
    putIf(o, "identityPoolId", m.identityPoolId());
    putIf(o, "identityId", m.identityId());
    putIf(o, "datasetName", m.datasetName());
    putIf(o, "recordKey", m.recordKey());
    return o;
  }

  static ObjectNode writeTrigger(FaultTrigger t) {
    ObjectNode o = NODES.objectNode();
    if (t instanceof FaultTrigger.NthCall n) {
      o.put("nthCall", n.n());
    } else if (t instanceof FaultTrigger.FirstCalls n) {
      o.put("firstCalls", n.n());
    } else if (t instanceof FaultTrigger.EveryNthCall n) {
      o.put("everyNthCall", n.n());
    } else if (t instanceof FaultTrigger.Probability p) {
      o.put("probability", p.probability());
      o.put("seed", p.seed());
    } else if (t instanceof FaultTrigger.Window w) {
      ObjectNode window = o.putObject("window");
      putIf(window, "start", w.start() == null ? null : w.start().toString());
      putIf(window, "end", w.end() == null ? null : w.end().toString());
    } else if (t instanceof FaultTrigger.RelativeWindow w) {
      ObjectNode window = o.putObject("window");
      window.put("after", w.after().toString());
      putIf(window, "duration", w.duration() == null ? null : w.duration().toString());
    } else {
      o.put("always", true);
    }
    return o;
  }

  public static ObjectNode writeAction(FaultAction a) {
    ObjectNode o = NODES.objectNode();
    if (a instanceof FaultAction.ServiceError e) {
      o.put("error", e.error().name());
      o.put("message", e.message());
    } else if (a instanceof FaultAction.RateLimit r) {
      ObjectNode limit = o.putObject("rateLimit");
      limit.put("perSecond", r.perSecond());
      limit.put("burst", r.burst());
      limit.put("per", r.per().name().toLowerCase(Locale.ROOT));
    } else if (a instanceof FaultAction.Conflict c) {
      ObjectNode conflict = o.putObject("conflict");
      if (!c.values().isEmpty()) {
        ObjectNode values = conflict.putObject("values");
        c.values().forEach(values::put);
      } else {
        conflict.put("value", c.value());
      }
      conflict.put("lastModifiedBy", c.lastModifiedBy());
    } else if (a instanceof FaultAction.Latency l) {
      ObjectNode delay = o.putObject("delay");
      if (l.fixed()) {
        delay.put("fixedMs", l.min().toMillis());
      } else {
        delay.put("minMs", l.min().toMillis());
        delay.put("maxMs", l.max().toMillis());
        delay.put("seed", l.seed());
      }
    } else if (a instanceof FaultAction.Disconnect d) {
      o.put("connectionFault", d.fault().name());
      o.put("afterApplying", d.afterApplying());
    }
    return o;
  }

  /** A one-line description, e.g. {@code error TooManyRequestsException}. */
  public static String describe(FaultAction a) {
    return writeAction(a).toString();
  }

  // ------------------------------------------------------------------ scenarios

  public static Scenario readScenario(byte[] json) {
    JsonNode root = parse(json);
    object(root, "A scenario");
    allowOnly(root, "scenario", "name", "description", "steps");
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray()) {
      throw new InvalidFaultException("A scenario needs a steps array");
    }
    List<ScenarioStep> read = new ArrayList<>();
    int index = 0;
    for (JsonNode s : steps) {
      index++;
      read.add(readStep(s, index));
    }
    return new Scenario(text(root, "name"), text(root, "description"), read);
  }

  public static Scenario readScenario(Path file) {
    return readScenario(bytes(file));
  }

  public static Scenario readScenario(InputStream in) {
    try (in) {
      return readScenario(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScenarioStep readStep(JsonNode s, int index) {
    object(s, "A scenario step");
    allowOnly(s, "scenario step", "step", "operation", "identityPoolId", "identityId",
        "datasetName", "request", "status", "errorType", "connectionFault", "fault", "note");
    int number = s.has("step") ? (int) integer(s, "step") : index;
    String operation = text(s, "operation");
    if (operation == null) {
      throw new InvalidFaultException("Scenario step " + number + " needs an operation");
    }
    FaultAction fault;
    try {
      fault = s.has("fault") && !s.get("fault").isNull() ? readAction(s.get("fault")) : null;
    } catch (InvalidFaultException e) {
      throw new InvalidFaultException("Step " + number + ": " + e.getMessage());
    }
    String connectionFault = text(s, "connectionFault");
    ConnectionFault cf;
    try {
      cf = connectionFault == null ? null : ConnectionFault.valueOf(connectionFault);
    } catch (IllegalArgumentException e) {
      throw new InvalidFaultException("Step " + number + ": unknown connectionFault "
          + connectionFault);
    }
    return new ScenarioStep(number, operation, text(s, "identityPoolId"), text(s, "identityId"),
        text(s, "datasetName"), s.get("request"),
        s.has("status") && !s.get("status").isNull() ? (int) integer(s, "status") : null,
        text(s, "errorType"), cf, fault, text(s, "note"));
  }

  public static ObjectNode write(Scenario scenario) {
    ObjectNode o = NODES.objectNode();
    o.put("name", scenario.name());
    putIf(o, "description", scenario.description());
    ArrayNode steps = o.putArray("steps");
    for (ScenarioStep s : scenario.steps()) {
      ObjectNode step = steps.addObject();
      step.put("step", s.step());
      step.put("operation", s.operation());
      putIf(step, "identityPoolId", s.identityPoolId());
      putIf(step, "identityId", s.identityId());
      putIf(step, "datasetName", s.datasetName());
      if (s.request() != null && !s.request().isEmpty()) {
        step.set("request", s.request().deepCopy());
      }
      if (s.status() != null) {
        step.put("status", s.status());
      }
      putIf(step, "errorType", s.errorType());
      putIf(step, "connectionFault",
          s.connectionFault() == null ? null : s.connectionFault().name());
      if (s.fault() != null) {
        step.set("fault", writeAction(s.fault()));
      }
      putIf(step, "note", s.note());
    }
    return o;
  }

  /** The scenario as a pretty-printed file. */
  public static byte[] scenarioFile(Scenario scenario) {
    return WireJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(write(scenario));
  }

  public static ObjectNode write(ScenarioReplay.Status status) {
    ObjectNode o = NODES.objectNode();
    o.put("name", status.name());
    o.put("steps", status.steps());
    o.put("position", status.position());
    o.set("faultSteps", WireJson.MAPPER.valueToTree(status.faultSteps()));
    ArrayNode fired = o.putArray("fired");
    for (ScenarioReplay.FiredStep f : status.fired()) {
      ObjectNode n = fired.addObject();
      n.put("step", f.step());
      n.put("operation", f.operation());
      n.set("fault", parse(f.fault().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    ArrayNode divergences = o.putArray("divergences");
    for (ScenarioReplay.Divergence d : status.divergences()) {
      ObjectNode n = divergences.addObject();
      n.put("step", d.step());
      n.put("expectedOperation", d.expectedOperation());
      n.put("actualOperation", d.actualOperation());
    }
    return o;
  }

  // ------------------------------------------------------------------ helpers

  static JsonNode parse(byte[] json) {
    if (json == null || json.length == 0) {
      throw new InvalidFaultException("A JSON document is required");
    }
    try {
      return WireJson.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidFaultException("Invalid JSON: " + JsonProblem.describe(e));
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static void object(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new InvalidFaultException(what + " must be a JSON object, got " + node);
    }
  }

  private static void allowOnly(JsonNode node, String what, String... members) {
    Set<String> allowed = Set.of(members);
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new InvalidFaultException("Unknown member '" + name + "' in " + what
            + "; expected " + Arrays.toString(members));
      }
    }
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new InvalidFaultException(member + " must be a string, got " + v);
    }
    return v.asString();
  }

  private static BigDecimal number(JsonNode node, String member) {
    JsonNode v = node.get(member);
    if (v == null || !v.isNumber()) {
      throw new InvalidFaultException(member + " must be a number, got " + v);
    }
    return v.decimalValue();
  }

  private static long integer(JsonNode node, String member) {
    JsonNode v = node.get(member);
    if (v == null || !v.isIntegralNumber()) {
      throw new InvalidFaultException(member + " must be an integer, got " + v);
    }
    return v.asLong();
  }

  private static Duration duration(JsonNode node, String member) {
    JsonNode v = node.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return Duration.ofMillis(v.decimalValue().movePointRight(3).longValue());
    }
    try {
      return Duration.parse(v.asString());
    } catch (DateTimeParseException e) {
      throw new InvalidFaultException(member + " must be an ISO-8601 duration (PT10S) or"
          + " seconds, got " + v);
    }
  }

  private static Instant instant(JsonNode node, String member) {
    String v = text(node, member);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidFaultException(member + " must be an ISO-8601 instant, got " + v);
    }
  }

  private static void putIf(ObjectNode o, String member, String value) {
    if (value != null) {
      o.put(member, value);
    }
  }
}
