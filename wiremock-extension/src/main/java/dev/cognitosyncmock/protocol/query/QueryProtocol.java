package dev.cognitosyncmock.protocol.query;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.InputValidator;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.OperationHandler;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.schemas.MemberBinding;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.schemas.VendoredService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AWS query protocol for a model: {@code POST /} with a form body naming the {@code Action},
 * parameters bound by the model's member types and validated against the generated schema, answers
 * and errors as the model's XML. Only the operations given a handler are served; the others answer
 * InvalidAction.
 */
public final class QueryProtocol {
  private static final Logger LOG = Logger.getLogger(QueryProtocol.class.getName());

  private final ServiceModel model;
  private final Map<String, OperationHandler> handlers;
  private final InputValidator validator;

  public QueryProtocol(VendoredService service, Map<String, OperationHandler> handlers) {
    this.model = ServiceModel.load(service);
    this.handlers = Map.copyOf(handlers);
    handlers.keySet().forEach(model::operation); // refuses a name the model lacks
    this.validator = InputValidator.forService(service, model, "ValidationError", false);
  }

  /** A form-encoded POST to {@code /} that names an Action. */
  public static boolean isQueryRequest(ProtocolRequest request) {
    String type = request.header("Content-Type");
    return request.method().equals("POST")
        && request.path().equals("/")
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        && form(request).containsKey("Action");
  }

  public ProtocolResponse handle(ProtocolRequest request) {
    String requestId = RandomUuids.next();
    try {
      Map<String, String> form = form(request);
      String action = form.get("Action");
      OperationHandler handler = action == null ? null : handlers.get(action);
      if (handler == null) {
        throw ServiceException.unmodeled(
            "InvalidAction",
            ErrorShape.InvalidParameterException,
            "Could not find operation " + action + " for version " + form.get("Version"));
      }
      OperationModel operation = model.operation(action);
      ObjectNode input = bind(operation, form);
      validator.validate(action, input);
      JsonNode output = handler.handle(new OperationCall(action, input, null));
      return xml(
          200,
          "<"
              + action
              + "Response xmlns=\""
              + model.xmlNamespace()
              + "\"><"
              + action
              + "Result>"
              + members(operation.outputShape(), output)
              + "</"
              + action
              + "Result><ResponseMetadata><RequestId>"
              + requestId
              + "</RequestId></ResponseMetadata></"
              + action
              + "Response>",
          requestId);
    } catch (ServiceException e) {
      return error(e, requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Internal error serving request " + requestId, e);
      return error(
          ServiceException.unmodeled(
              "InternalFailure",
              ErrorShape.InternalErrorException,
              "An internal error occurred. Request id: " + requestId),
          requestId);
    }
  }

  private static Map<String, String> form(ProtocolRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = new String(request.body(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        form.put(
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ServiceException.unmodeled(
            "MalformedQueryString",
            ErrorShape.InvalidParameterException,
            "The form body is not well-formed URL encoding");
      }
    }
    return form;
  }

  /** Top-level scalar members by name, typed by the model; lists and maps are not bound. */
  private static ObjectNode bind(OperationModel operation, Map<String, String> form) {
    ObjectNode input = Json.MAPPER.createObjectNode();
    for (MemberBinding member : operation.inputMembers()) {
      String value = form.get(member.member());
      if (value == null) {
        continue;
      }
      switch (member.type()) {
        case "integer", "long" -> {
          try {
            input.put(member.member(), Long.parseLong(value));
          } catch (NumberFormatException e) {
            throw ServiceException.unmodeled(
                "ValidationError",
                ErrorShape.InvalidParameterException,
                "1 validation error detected: Value '"
                    + value
                    + "' at '"
                    + member.member()
                    + "' failed to satisfy constraint: Member must be a number");
          }
        }
        case "boolean" -> input.put(member.member(), Boolean.parseBoolean(value));
        case "string" -> input.put(member.member(), value);
        default -> {
          // structured members (policies, tags) do not change what the mock answers
        }
      }
    }
    return input;
  }

  /** The output structure's members in model order, each as an element. */
  private String members(String shapeName, JsonNode value) {
    StringBuilder xml = new StringBuilder();
    JsonNode members = model.shape(shapeName).path("members");
    for (var member : members.properties()) {
      JsonNode v = value.get(member.getKey());
      if (v == null || v.isNull()) {
        continue;
      }
      String target = member.getValue().path("shape").asString();
      String name = member.getKey();
      xml.append('<').append(name).append('>');
      xml.append(v.isObject() ? members(target, v) : escape(v.asString()));
      xml.append("</").append(name).append('>');
    }
    return xml.toString();
  }

  private ProtocolResponse error(ServiceException e, String requestId) {
    String name = e.errorType();
    boolean modeled = model.errorStatuses().containsKey(name);
    int status =
        modeled
            ? model.errorStatus(name)
            : e.shape() == ErrorShape.InternalErrorException ? 500 : 400;
    String code = modeled ? model.errorCode(name) : name;
    return xml(
        status,
        "<ErrorResponse xmlns=\""
            + model.xmlNamespace()
            + "\"><Error><Type>"
            + (status >= 500 ? "Receiver" : "Sender")
            + "</Type><Code>"
            + escape(code)
            + "</Code><Message>"
            + escape(e.getMessage())
            + "</Message></Error><RequestId>"
            + requestId
            + "</RequestId></ErrorResponse>",
        requestId);
  }

  private static ProtocolResponse xml(int status, String body, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/xml");
    headers.put("x-amzn-RequestId", requestId);
    return new ProtocolResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
