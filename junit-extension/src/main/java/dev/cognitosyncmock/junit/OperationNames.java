package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.List;

/**
 * Names the operation a method and path belong to, from the model's URI templates. Only for
 * reporting received requests: labels match any segment, so nothing is decoded.
 */
final class OperationNames {
  private record Template(String operation, String method, List<String> segments) {
    boolean matches(String requestMethod, List<String> requestSegments) {
      if (!method.equals(requestMethod) || segments.size() != requestSegments.size()) {
        return false;
      }
      for (int i = 0; i < segments.size(); i++) {
        String s = segments.get(i);
        if (!(s.startsWith("{") && s.endsWith("}")) && !s.equals(requestSegments.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Template> TEMPLATES =
      ServiceModel.load().operations().stream()
          .map(op -> new Template(op.name(), op.method(), segments(op.requestUri())))
          .toList();

  private OperationNames() {}

  static String of(String method, String url) {
    List<String> segments = segments(url);
    for (Template t : TEMPLATES) {
      if (t.matches(method, segments)) {
        return t.operation();
      }
    }
    return null;
  }

  private static List<String> segments(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    return List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
  }
}
