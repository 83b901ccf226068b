package dev.cognitosyncmock.protocol;

import tools.jackson.databind.JsonNode;

/** Serves one operation: a validated input document in, the output document out. */
@FunctionalInterface
public interface OperationHandler {
  JsonNode handle(OperationCall call);
}
