package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.schemas.MemberBinding;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.uri.PercentDecoding;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gathers an operation's input members from where the model says they travel (path label, query,
 * header, JSON body) into one document keyed by member name, the shape the input schema validates.
 * Query values are typed by the model; a value that does not parse stays a string so the schema's
 * type rule names it.
 */
final class RequestBinder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  ObjectNode bind(OperationModel operation, Map<String, String> labels, ProtocolRequest request) {
    ObjectNode body = parseBody(request.body());
    Map<String, String> query = PercentDecoding.query(request.rawQuery());
    ObjectNode input = NODES.objectNode();
    for (MemberBinding member : operation.inputMembers()) {
      switch (member.location()) {
        case URI -> input.put(member.member(), labels.get(member.locationName()));
        case QUERY -> {
          String value = query.get(member.locationName());
          if (value != null) {
            input.set(member.member(), typed(member.type(), value));
          }
        }
        case HEADER -> {
          String value = request.header(member.locationName());
          if (value != null) {
            input.put(member.member(), value);
          }
        }
        case BODY -> {
          JsonNode value = body.get(member.locationName());
          if (value != null && !value.isNull()) {
            input.set(member.member(), value);
          }
        }
      }
    }
    return input;
  }

  /** Empty body and {} mean the same; anything but a JSON object is a serialization error. */
  private static ObjectNode parseBody(byte[] body) {
    if (body.length == 0 || isBlank(body)) {
      return NODES.objectNode();
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedBody("Request body is not valid JSON: " + JsonProblem.describe(e));
    }
    if (parsed == null || !parsed.isObject()) {
      throw new MalformedBody("Request body must be a JSON object");
    }
    return (ObjectNode) parsed;
  }

  private static JsonNode typed(String type, String value) {
    try {
      return switch (type) {
        case "integer", "long" -> NODES.numberNode(Long.parseLong(value));
        case "boolean" ->
            value.equals("true") || value.equals("false")
                ? NODES.booleanNode(Boolean.parseBoolean(value))
                : NODES.stringNode(value);
        default -> NODES.stringNode(value);
      };
    } catch (NumberFormatException e) {
      return NODES.stringNode(value);
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The body could not be read as the protocol's JSON. Answered as SerializationException. */
  static final class MalformedBody extends RuntimeException {
    MalformedBody(String message) {
      super(message, null, false, false);
    }
  }
}
