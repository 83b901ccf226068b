package dev.cognitosyncmock.protocol.awsjson;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.CallInterceptor;
import dev.cognitosyncmock.protocol.InputValidator;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.OperationHandler;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.RequestContext;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.schemas.VendoredService;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * awsJson 1.1 for a model: {@code POST /} routed by {@code X-Amz-Target: <prefix>.<Operation>}
 * (matched case-insensitively, H1), the JSON body validated against the operation's generated
 * schema (H6), errors as {@code {"__type","message"}} with {@code x-amzn-ErrorType: <Shape>:} and
 * the model's status (H3). Operations the model marks unsigned are never checked (H4); the others
 * need a SigV4 Authorization header, verified when signature verification is on (H5).
 */
public final class AwsJsonProtocol {
  private static final Logger LOG = Logger.getLogger(AwsJsonProtocol.class.getName());
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final ServiceModel model;
  private final Map<String, OperationHandler> handlers;
  private final Map<String, String> operationsByLowerName = new LinkedHashMap<>();
  private final InputValidator validator;
  private final Set<String> unsigned;
  private final Authenticator authenticator;
  private final String accountId;
  private volatile CallInterceptor interceptor = CallInterceptor.NONE;

  public AwsJsonProtocol(
      VendoredService service,
      Map<String, OperationHandler> handlers,
      Authenticator authenticator,
      String accountId) {
    this.model = ServiceModel.load(service);
    this.handlers = Map.copyOf(handlers);
    if (!handlers
        .keySet()
        .equals(
            model.operations().stream()
                .map(o -> o.name())
                .collect(java.util.stream.Collectors.toSet()))) {
      throw new IllegalArgumentException(
          "The operation table must wire exactly the model's operations");
    }
    model
        .operations()
        .forEach(o -> operationsByLowerName.put(o.name().toLowerCase(Locale.ROOT), o.name()));
    this.validator = InputValidator.forService(service, model, "ValidationException", true);
    this.unsigned = model.unsignedOperations();
    this.authenticator = authenticator;
    this.accountId = accountId;
  }

  /** Sees every validated call before its handler (fault injection, recording). */
  public void setInterceptor(CallInterceptor interceptor) {
    this.interceptor = interceptor == null ? CallInterceptor.NONE : interceptor;
  }

  /** Whether the request is for this service: its X-Amz-Target names the model's prefix. */
  public boolean serves(ProtocolRequest request) {
    String target = request.header("X-Amz-Target");
    return target != null
        && target
            .toLowerCase(Locale.ROOT)
            .startsWith(model.targetPrefix().toLowerCase(Locale.ROOT) + ".");
  }

  /** The operation the request targets, or null when it names none of the model's. */
  public String operationOf(ProtocolRequest request) {
    String target = request.header("X-Amz-Target");
    if (target == null) {
      return null;
    }
    int dot = target.indexOf('.');
    return operationsByLowerName.get(target.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  public ProtocolResponse handle(ProtocolRequest request) {
    return handle(request, new RequestContext());
  }

  /** Serves {@code request}; {@code context} carries what the adapter knows about it. */
  public ProtocolResponse handle(ProtocolRequest request, RequestContext context) {
    OperationCall[] seen = new OperationCall[1];
    CallInterceptor by = interceptor;
    CallInterceptor.Interception[] asked = {CallInterceptor.Interception.NONE};
    ProtocolResponse response = serve(request, context, by, seen, asked);
    if (seen[0] == null) {
      return response;
    }
    ProtocolResponse finished = response.withDelay(asked[0].delay());
    if (asked[0].connectionFault() != null) {
      finished = finished.withConnectionFault(asked[0].connectionFault());
    }
    by.completed(seen[0], finished, context);
    return finished;
  }

  private ProtocolResponse serve(
      ProtocolRequest request,
      RequestContext context,
      CallInterceptor by,
      OperationCall[] seen,
      CallInterceptor.Interception[] asked) {
    String requestId = RandomUuids.next();
    try {
      String operation = operationOf(request);
      if (!request.method().equals("POST") || !request.path().equals("/") || operation == null) {
        throw ServiceException.unmodeled(
            "UnknownOperationException",
            ErrorShape.InvalidParameterException,
            "No operation "
                + request.header("X-Amz-Target")
                + " at "
                + request.method()
                + " "
                + request.path());
      }
      Caller caller = authorize(operation, request);
      ObjectNode input = body(request);
      validator.validate(operation, input);
      OperationCall call = new OperationCall(operation, input, caller);
      seen[0] = call;
      asked[0] = by.intercept(call, context);
      if (asked[0].skipsHandler()) {
        if (asked[0].error() != null) {
          throw asked[0].error();
        }
        throw new ServiceException(
            ErrorShape.InternalErrorException,
            "The connection broke before the request was applied");
      }
      JsonNode output = handlers.get(operation).handle(call);
      return json(
          200, requestId, null, null, output == null ? Json.MAPPER.createObjectNode() : output);
    } catch (ServiceException e) {
      return error(e, requestId);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Internal error serving request " + requestId, e);
      return error(
          new ServiceException(
              ErrorShape.InternalErrorException,
              "An internal error occurred. Request id: " + requestId),
          requestId);
    }
  }

  /**
   * H4, H5: who calls, refused when a signed operation has no signature or identity credentials.
   */
  private Caller authorize(String operation, ProtocolRequest request) {
    if (unsigned.contains(operation)) {
      return Caller.developer(accountId);
    }
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256")) {
      throw ServiceException.unmodeled(
          "MissingAuthenticationTokenException",
          ErrorShape.InvalidParameterException,
          "Missing Authentication Token");
    }
    AccessKey key = authenticator.authenticate(model.endpointPrefix(), request.signed());
    if (key != null && key.kind() == Caller.Kind.IDENTITY) {
      throw new ServiceException(
          ErrorShape.NotAuthorizedException,
          operation
              + " needs AWS developer credentials; Cognito identity credentials may not call it");
    }
    return key == null ? Caller.developer(accountId) : key.caller(accountId);
  }

  private static ObjectNode body(ProtocolRequest request) {
    if (request.body().length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(request.body());
      if (parsed instanceof ObjectNode object) {
        return object;
      }
    } catch (JacksonException e) {
      // answered below
    }
    throw ServiceException.unmodeled(
        "SerializationException",
        ErrorShape.InvalidParameterException,
        "The request body is not a JSON object");
  }

  private ProtocolResponse error(ServiceException e, String requestId) {
    String type = e.errorType();
    int status =
        model
            .errorStatuses()
            .getOrDefault(
                e.shape().name(), e.shape() == ErrorShape.InternalErrorException ? 500 : 400);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("__type", type);
    body.put("message", e.getMessage());
    return json(status, requestId, type, e.getMessage(), body);
  }

  private static ProtocolResponse json(
      int status, String requestId, String errorType, String message, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("x-amzn-RequestId", requestId);
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType + ":"); // H3: the trailing colon is on the wire
      // header values are ASCII: anything else in a message is dropped from the header only
      headers.put("x-amzn-ErrorMessage", message.replaceAll("[^\\x20-\\x7e]", "?"));
    }
    return new ProtocolResponse(
        status, headers, Json.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }
}
