package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.security.AccessKey;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * rest-json for Cognito Sync: route, bind, validate, call the engine, serialize. Every response
 * carries x-amzn-RequestId; every error carries x-amzn-ErrorType and {"message": ...} with the
 * model's status for that shape (SEMANTICS A1). No exception escapes: a bug answers 500
 * InternalErrorException with no stack trace in the body.
 */
public final class CognitoSyncProtocol {
  private static final Logger LOG = Logger.getLogger(CognitoSyncProtocol.class.getName());

  private final ServiceModel model;
  private final Router router;
  private final RequestBinder binder = new RequestBinder();
  private final BodyTypeCheck bodyTypes;
  private final InputValidator validator;
  private final OperationTable table;
  private final CallerResolver callers;
  private volatile CallInterceptor interceptor = CallInterceptor.NONE;

  public CognitoSyncProtocol(ServiceModel model, SyncEngine engine, CallerResolver callers) {
    this.model = model;
    this.router = new Router(model);
    this.bodyTypes = new BodyTypeCheck(model);
    this.validator = new InputValidator(model);
    this.table = new OperationTable(model, engine);
    this.callers = callers;
  }

  /** Sees every validated call before its handler (fault injection); one at a time. */
  public void setInterceptor(CallInterceptor interceptor) {
    this.interceptor = interceptor == null ? CallInterceptor.NONE : interceptor;
  }

  public ProtocolResponse handle(ProtocolRequest request) {
    return handle(request, new RequestContext());
  }

  /** Serves {@code request}; {@code context} carries what the adapter knows about it. */
  public ProtocolResponse handle(ProtocolRequest request, RequestContext context) {
    Intercepted intercepted = new Intercepted(context);
    ProtocolResponse response = serve(request, intercepted);
    return intercepted.call == null ? response : intercepted.finish(response);
  }

  /**
   * The operation and bound input of a request, without validating or serving it: how a request
   * that was answered elsewhere (a proxied one) is described. Empty when no operation serves it.
   */
  public java.util.Optional<OperationCall> describe(ProtocolRequest request) {
    try {
      Router.RouteMatch match = router.route(request.method(), request.path());
      ObjectNode input = binder.bind(match.operation(), match.labels(), request);
      return java.util.Optional.of(new OperationCall(match.operation().name(), input, null));
    } catch (RuntimeException e) { // unknown operation, malformed body, bad label
      return java.util.Optional.empty();
    }
  }

  private ProtocolResponse serve(ProtocolRequest request, Intercepted intercepted) {
    String requestId = RandomUuids.next();
    OperationModel operation = null;
    try {
      // signatures first, as AWS checks them before it looks at the operation
      AccessKey key = callers.authenticate(request);
      Router.RouteMatch match = router.route(request.method(), request.path());
      operation = match.operation();
      ObjectNode input = binder.bind(operation, match.labels(), request);
      bodyTypes.check(operation, input);
      validator.validate(operation.name(), input);
      OperationCall unresolved = new OperationCall(operation.name(), input, null);
      OperationCall call =
          new OperationCall(operation.name(), input, callers.resolve(request, unresolved, key));
      // fault injection and scenario recording: the one hook, after validation, before the handler
      intercepted.call = call;
      intercepted.by = interceptor;
      intercepted.interception = intercepted.by.intercept(call, intercepted.context);
      if (intercepted.interception.skipsHandler()) {
        if (intercepted.interception.error() != null) {
          throw intercepted.interception.error();
        }
        return unmodeledError(
            500,
            ErrorShape.InternalErrorException.name(),
            "The connection broke before the request was applied",
            requestId);
      }
      JsonNode output = table.handler(operation.name()).handle(call);
      return json(operation.responseCode(), requestId, output);
    } catch (ServiceException e) {
      return error(operation, e, requestId);
    } catch (RequestBinder.MalformedBody e) {
      return unmodeledError(400, "SerializationException", e.getMessage(), requestId);
    } catch (Router.UnknownOperation e) {
      return unmodeledError(
          e.methodNotAllowed ? 405 : 404, "UnknownOperationException", e.getMessage(), requestId);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Internal error serving request " + requestId, e);
      return error(
          operation,
          new ServiceException(
              ErrorShape.InternalErrorException,
              "An internal error occurred. Request id: " + requestId),
          requestId);
    }
  }

  /**
   * A modeled error. An engine error the operation does not list (say ResourceNotFound for
   * ListRecords on an unknown pool in strict mode) is answered as InvalidParameterException, so
   * clients only ever see errors their SDK models for that call. An error the model does not define
   * (LambdaSocketTimeoutException) keeps its own name and takes its shape's status.
   */
  private ProtocolResponse error(OperationModel operation, ServiceException e, String requestId) {
    ErrorShape shape = e.shape();
    if (operation != null
        && shape != ErrorShape.InternalErrorException
        && !operation.errors().contains(shape.name())) {
      ErrorShape answered = ErrorShape.InvalidParameterException;
      return unmodeledError(
          model.errorStatus(answered.name()), answered.name(), e.getMessage(), requestId);
    }
    return unmodeledError(
        model.errorStatus(shape.name()), e.errorType(), e.getMessage(), requestId);
  }

  private static ProtocolResponse unmodeledError(
      int status, String errorType, String message, String requestId) {
    return ProtocolResponse.message(
        status, message, "x-amzn-RequestId", requestId, "x-amzn-ErrorType", errorType);
  }

  private static ProtocolResponse json(int status, String requestId, JsonNode body) {
    return ProtocolResponse.json(status, body, "x-amzn-RequestId", requestId);
  }

  /** The call the interceptor saw, and what it asked for; finished once the response exists. */
  private static final class Intercepted {
    final RequestContext context;
    OperationCall call;
    CallInterceptor by;
    CallInterceptor.Interception interception = CallInterceptor.Interception.NONE;

    Intercepted(RequestContext context) {
      this.context = context;
    }

    ProtocolResponse finish(ProtocolResponse response) {
      ProtocolResponse finished = response.withDelay(interception.delay());
      if (interception.connectionFault() != null) {
        finished = finished.withConnectionFault(interception.connectionFault());
      }
      by.completed(call, finished, context);
      return finished;
    }
  }
}
