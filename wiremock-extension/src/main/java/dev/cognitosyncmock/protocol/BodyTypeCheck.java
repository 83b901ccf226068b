package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.schemas.Location;
import dev.cognitosyncmock.schemas.MemberBinding;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SEMANTICS A8, the one place where a JSON body member's type is held against the model's: a member
 * that cannot be bound to its modeled type (a string where a number or timestamp is modeled, an
 * object where a list is, a number where a string is) is a SerializationException naming the
 * member, as on the real service, before any schema rule is looked at. Well-typed values that break
 * a constraint (length, pattern, enum, range, required) are left to {@link InputValidator} (A5).
 * Query and header values are text on the wire and stay A5 too. Null is "absent" here; unknown
 * members are ignored, as the service ignores them.
 */
final class BodyTypeCheck {
  /** The modeled type of one shape, with its members (structure) or element (list, map value). */
  private static final class Expected {
    final String shape;
    final String type;
    final Map<String, Expected> members = new LinkedHashMap<>();
    Expected element;

    Expected(String shape, String type) {
      this.shape = shape;
      this.type = type;
    }
  }

  private final Map<String, List<MemberBinding>> bodyMembers = new HashMap<>();
  private final Map<String, Expected> shapes = new HashMap<>();

  BodyTypeCheck(ServiceModel model) {
    for (OperationModel op : model.operations()) {
      List<MemberBinding> body = op.inputMembers(Location.BODY);
      bodyMembers.put(op.name(), body);
      body.forEach(m -> expected(model, m.shape()));
    }
  }

  /** Throws {@link RequestBinder.MalformedBody} (SerializationException) on the first mismatch. */
  void check(OperationModel operation, ObjectNode input) {
    for (MemberBinding member : bodyMembers.get(operation.name())) {
      JsonNode value = input.get(member.member());
      if (value != null) {
        check(value, shapes.get(member.shape()), member.member());
      }
    }
  }

  private static void check(JsonNode value, Expected expected, String path) {
    if (value.isNull()) {
      return;
    }
    boolean bindable =
        switch (expected.type) {
          case "string" -> value.isString();
          case "integer", "long" ->
              value.isIntegralNumber() || (value.isNumber() && value.canConvertToExactIntegral());
          case "timestamp" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "list" -> value.isArray();
          case "map", "structure" -> value.isObject();
          default -> true;
        };
    if (!bindable) {
      throw new RequestBinder.MalformedBody(
          "Value at '"
              + path
              + "' cannot be read as "
              + expected.shape
              + ": expected "
              + describe(expected.type)
              + ", found "
              + jsonType(value));
    }
    switch (expected.type) {
      case "list" -> {
        for (int i = 0; i < value.size(); i++) {
          check(
              value.get(i), expected.element, path + "." + (i + 1)); // counted from 1, as AWS does
        }
      }
      case "map" -> {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          check(entry.getValue(), expected.element, path + "." + entry.getKey());
        }
      }
      case "structure" -> {
        for (Map.Entry<String, Expected> member : expected.members.entrySet()) {
          JsonNode v = value.get(member.getKey());
          if (v != null) {
            check(v, member.getValue(), path + "." + member.getKey());
          }
        }
      }
      default -> {}
    }
  }

  /** Built once per shape; registered before its members so a recursive shape ends. */
  private Expected expected(ServiceModel model, String shapeName) {
    Expected known = shapes.get(shapeName);
    if (known != null) {
      return known;
    }
    JsonNode shape = model.shape(shapeName);
    Expected e = new Expected(shapeName, shape.path("type").asString());
    shapes.put(shapeName, e);
    switch (e.type) {
      case "list" -> e.element = expected(model, shape.at("/member/shape").asString());
      case "map" -> e.element = expected(model, shape.at("/value/shape").asString());
      case "structure" -> {
        for (Map.Entry<String, JsonNode> m : shape.path("members").properties()) {
          e.members.put(m.getKey(), expected(model, m.getValue().path("shape").asString()));
        }
      }
      default -> {}
    }
    return e;
  }

  private static String describe(String type) {
    return switch (type) {
      case "string" -> "a JSON string";
      case "integer", "long" -> "a JSON number without a fraction";
      case "timestamp" -> "a JSON number of epoch seconds";
      case "boolean" -> "true or false";
      case "list" -> "a JSON array";
      default -> "a JSON object";
    };
  }

  private static String jsonType(JsonNode value) {
    if (value.isString()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "the number " + clip(value.toString());
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.isArray() ? "an array" : "an object";
  }

  private static String clip(String text) {
    return text.length() > 32 ? text.substring(0, 32) + "..." : text;
  }
}
