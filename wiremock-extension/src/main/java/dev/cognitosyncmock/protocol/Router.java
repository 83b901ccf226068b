package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.uri.PercentDecoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the operation for a method and path, by the model's URI templates. Each path segment is
 * percent-decoded before matching, so {@code us-east-1%3Aabc} is the label {@code us-east-1:abc}
 * (SEMANTICS A2).
 */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  Router(ServiceModel model) {
    for (OperationModel op : model.operations()) {
      routes.add(Route.of(op));
    }
  }

  RouteMatch route(String method, String rawPath) {
    List<String> segments = PercentDecoding.pathSegments(rawPath);
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> labels = route.match(segments);
      if (labels == null) {
        continue;
      }
      pathKnown = true;
      if (route.operation().method().equals(method)) {
        return new RouteMatch(route.operation(), labels);
      }
    }
    throw new UnknownOperation(
        pathKnown
            ? "Method " + method + " is not allowed on " + rawPath
            : "No Cognito Sync operation matches " + method + " " + rawPath,
        pathKnown);
  }

  record RouteMatch(OperationModel operation, Map<String, String> labels) {}

  /**
   * A request no operation of the model answers: not a modeled error, so not a ServiceException.
   */
  static final class UnknownOperation extends RuntimeException {
    final boolean methodNotAllowed;

    UnknownOperation(String message, boolean methodNotAllowed) {
      super(message, null, false, false);
      this.methodNotAllowed = methodNotAllowed;
    }
  }

  static ServiceException invalidPath(String message) {
    return new ServiceException(ErrorShape.InvalidParameterException, message);
  }
}
