package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.faults.FaultDocuments.ActionDoc;
import dev.cognitosyncmock.faults.FaultDocuments.RuleDoc;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON forms of fault rules and actions, as the admin API and the fault file use them (the
 * scenario file's are {@link ScenarioJson}'s), bound by Jackson to the records of {@link
 * FaultDocuments} (which shows the forms). Strict: an unknown member or a value of the wrong type
 * is refused with the reason, so a typo does not silently disable a fault.
 */
public final class FaultJson {
  /** The fault documents' mapper: unknown members, coerced scalars and floats for ints fail. */
  static final JsonMapper MAPPER =
      Json.MAPPER
          .rebuild()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Integer,
              c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .addModule(
              new SimpleModule("fault-documents")
                  .addDeserializer(FaultDocuments.TriggerDoc.class, new KeyedDeserializer.Trigger())
                  .addDeserializer(ActionDoc.class, new KeyedDeserializer.Action()))
          .build();

  private FaultJson() {}

  /** A rule, an array of rules, or {@code {"rules": [...]}}. */
  public static List<FaultRule> readRules(byte[] json) {
    JsonNode root = parse(json);
    JsonNode list =
        root.isArray()
            ? root
            : root.isObject() && root.has("rules") && root.size() == 1 ? root.get("rules") : null;
    if (list != null && !list.isArray()) {
      throw new InvalidFaultException("rules must be an array");
    }
    List<FaultRule> rules = new ArrayList<>();
    for (JsonNode rule : list == null ? List.of(root) : list) {
      if (!rule.isObject()) {
        throw new InvalidFaultException("A fault rule must be a JSON object, got " + rule);
      }
      rules.add(bind(rule, RuleDoc.class).toRule());
    }
    return rules;
  }

  public static List<FaultRule> readRules(Path file) {
    return readRules(bytes(file));
  }

  /** An action: {"error": ...}, {"rateLimit": {...}}, {"conflict": ...}, ... */
  public static FaultAction readAction(JsonNode node) {
    return bind(node, ActionDoc.class).toAction();
  }

  public static ObjectNode write(FaultRule rule) {
    return MAPPER.valueToTree(RuleDoc.of(rule));
  }

  public static ObjectNode write(FaultRules.Status status) {
    return write(status.rule()).put("matched", status.matched()).put("fired", status.fired());
  }

  public static ObjectNode writeAction(FaultAction action) {
    return MAPPER.valueToTree(ActionDoc.of(action));
  }

  static JsonNode parse(byte[] json) {
    if (json == null || json.length == 0) {
      throw new InvalidFaultException("A JSON document is required");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidFaultException("Invalid JSON: " + JsonProblem.describe(e));
    }
  }

  /** Binds {@code node} to a document record, answering any failure with its reason. */
  static <T> T bind(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JacksonException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof IllegalArgumentException reason) { // a model rule (FaultAction...)
          throw reason instanceof InvalidFaultException invalid
              ? invalid
              : new InvalidFaultException(reason.getMessage());
        }
      }
      if (e instanceof UnrecognizedPropertyException u) {
        throw new InvalidFaultException(
            "Unknown member '"
                + u.getPropertyName()
                + "' in "
                + FaultDocuments.NAMES.getOrDefault(u.getReferringClass(), "action")
                + "; expected "
                + u.getKnownPropertyIds());
      }
      String member =
          e.getPath().isEmpty()
              ? "value"
              : String.valueOf(e.getPath().get(e.getPath().size() - 1).getPropertyName());
      if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
        throw new InvalidFaultException(
            member + " must be " + FaultDocuments.kind(m.getTargetType()));
      }
      throw new InvalidFaultException(member + ": " + e.getOriginalMessage());
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
