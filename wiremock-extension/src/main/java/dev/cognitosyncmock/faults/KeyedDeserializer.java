package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.faults.FaultDocuments.ActionDoc;
import dev.cognitosyncmock.faults.FaultDocuments.TriggerDoc;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one of a sealed set of records, chosen by the first member present that names a shape (e.g.
 * {@code {"nthCall": 2}} is a NthCallDoc); the record is then bound strictly like any other.
 */
abstract class KeyedDeserializer<T> extends ValueDeserializer<T> {
  /**
   * Every shape of trigger and of action, by the member that names it, in the order they are tried;
   * each deserializer takes those of its own type.
   */
  private static final Map<String, Class<?>> SHAPES =
      shapes(
          "probability",
          FaultDocuments.ProbabilityDoc.class,
          "always",
          FaultDocuments.AlwaysDoc.class,
          "nthCall",
          FaultDocuments.NthCallDoc.class,
          "firstCalls",
          FaultDocuments.FirstCallsDoc.class,
          "everyNthCall",
          FaultDocuments.EveryNthCallDoc.class,
          "window",
          FaultDocuments.WindowDoc.class,
          "error",
          FaultDocuments.ErrorDoc.class,
          "rateLimit",
          FaultDocuments.RateLimitDoc.class,
          "conflict",
          FaultDocuments.ConflictDoc.class,
          "delay",
          FaultDocuments.DelayDoc.class,
          "connectionFault",
          FaultDocuments.DisconnectDoc.class);

  private final String what;
  private final Map<String, Class<? extends T>> shapes = new LinkedHashMap<>();

  KeyedDeserializer(String what, Class<T> type) {
    this.what = what;
    SHAPES.forEach(
        (key, shape) -> {
          if (type.isAssignableFrom(shape)) {
            shapes.put(key, shape.asSubclass(type));
          }
        });
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonNode node = ctxt.readTree(p);
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidFaultException(what + " must be a JSON object, got " + node);
    }
    for (Map.Entry<String, Class<? extends T>> shape : shapes.entrySet()) {
      if (object.has(shape.getKey())) {
        return ctxt.readTreeAsValue(shorthand(object.deepCopy(), shape.getKey()), shape.getValue());
      }
    }
    throw none(object);
  }

  /** Rewrites a short form into the long one. */
  ObjectNode shorthand(ObjectNode node, String key) {
    return node;
  }

  abstract InvalidFaultException none(ObjectNode node);

  private static Map<String, Class<?>> shapes(Object... keysAndTypes) {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTypes.length; i += 2) {
      out.put((String) keysAndTypes[i], (Class<?>) keysAndTypes[i + 1]);
    }
    return out;
  }

  static final class Trigger extends KeyedDeserializer<TriggerDoc> {
    Trigger() {
      super("trigger", TriggerDoc.class);
    }

    @Override
    ObjectNode shorthand(ObjectNode node, String key) {
      if (!key.equals("probability") && node.size() != 1) {
        throw new InvalidFaultException(
            "A trigger is one of always, nthCall, firstCalls,"
                + " everyNthCall, probability (with seed) or window; got "
                + node);
      }
      return node;
    }

    @Override
    InvalidFaultException none(ObjectNode node) {
      if (node.size() != 1) {
        return new InvalidFaultException(
            "A trigger is one of always, nthCall, firstCalls,"
                + " everyNthCall, probability (with seed) or window; got "
                + node);
      }
      return new InvalidFaultException(
          "Unknown trigger '"
              + node.propertyNames().iterator().next()
              + "'; a trigger is one of always, nthCall, firstCalls, everyNthCall, probability or"
              + " window");
    }
  }

  static final class Action extends KeyedDeserializer<ActionDoc> {
    Action() {
      super("An action", ActionDoc.class);
    }

    @Override
    ObjectNode shorthand(ObjectNode node, String key) {
      JsonNode value = node.get(key);
      if (key.equals("conflict") && value.isBoolean() && value.asBoolean()) {
        node.putObject("conflict");
      } else if (key.equals("delay") && value.isNumber()) {
        node.putObject("delay").set("fixedMs", value);
      }
      return node;
    }

    @Override
    InvalidFaultException none(ObjectNode node) {
      return new InvalidFaultException(
          "An action is one of error, rateLimit, conflict, delay or"
              + " connectionFault; got "
              + node);
    }
  }
}
