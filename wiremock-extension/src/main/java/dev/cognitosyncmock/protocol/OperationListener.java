package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.schemas.OperationModel;

/** Told after an operation succeeded and its response is ready, outside any engine lock. */
@FunctionalInterface
public interface OperationListener {
  void completed(OperationModel operation);
}
