package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.schemas.OperationModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One operation's method and URI template from the model, split into path segments. */
record Route(OperationModel operation, List<String> segments) {

  static Route of(OperationModel operation) {
    String uri = operation.requestUri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    return new Route(operation, List.of(path.substring(1).split("/", -1)));
  }

  /** The decoded label values when the decoded path segments fit this template, else null. */
  Map<String, String> match(List<String> decodedSegments) {
    if (decodedSegments.size() != segments.size()) {
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String template = segments.get(i);
      String actual = decodedSegments.get(i);
      if (template.startsWith("{") && template.endsWith("}")) {
        labels.put(template.substring(1, template.length() - 1), actual);
      } else if (!template.equals(actual)) {
        return null;
      }
    }
    return labels;
  }
}
