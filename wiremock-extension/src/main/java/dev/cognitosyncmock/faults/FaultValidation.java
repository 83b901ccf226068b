package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.List;

/** What the model allows: which errors an operation lists, which operations exist. */
final class FaultValidation {
  static final String UPDATE_RECORDS = "UpdateRecords";

  /**
   * The models of the services on the endpoint (Cognito Sync, Cognito Identity): no operation name
   * is in two.
   */
  private final java.util.Map<String, OperationModel> operations = new java.util.LinkedHashMap<>();

  FaultValidation(ServiceModel model) {
    this(java.util.List.of(model));
  }

  FaultValidation(java.util.List<ServiceModel> models) {
    models.forEach(m -> m.operations().forEach(op -> operations.put(op.name(), op)));
  }

  OperationModel operation(String name) {
    OperationModel operation = operations.get(name);
    if (operation == null) {
      throw new InvalidFaultException(
          "Unknown operation '"
              + name
              + "'; the operations are "
              + List.copyOf(operations.keySet()));
    }
    return operation;
  }

  private java.util.Collection<OperationModel> operations() {
    return operations.values();
  }

  boolean models(String operation, ErrorShape error) {
    return operation(operation).errors().contains(error.name());
  }

  /** Refuses an action the operation cannot answer with; {@code operation} null means any. */
  void check(String operation, FaultAction action, boolean forScenarioStep) {
    if (operation != null) {
      operation(operation);
    }
    if (action instanceof FaultAction.ServiceError e) {
      if (operation != null && !models(operation, e.error())) {
        throw new InvalidFaultException(
            operation
                + " does not model "
                + e.error()
                + "; its errors are "
                + operation(operation).errors());
      }
      if (operation == null
          && operations().stream().noneMatch(op -> op.errors().contains(e.error().name()))) {
        throw new InvalidFaultException("No operation models " + e.error());
      }
    } else if (action instanceof FaultAction.RateLimit) {
      if (forScenarioStep) {
        throw new InvalidFaultException(
            "A rate limit spans many calls; a scenario step takes"
                + " an error, conflict, delay or connection fault");
      }
      if (operation != null && !models(operation, ErrorShape.TooManyRequestsException)) {
        throw new InvalidFaultException(
            operation + " does not model TooManyRequestsException, so it cannot be rate limited");
      }
    } else if (action instanceof FaultAction.Conflict) {
      if (!UPDATE_RECORDS.equals(operation)) {
        throw new InvalidFaultException(
            "A conflict applies to UpdateRecords only; match"
                + " operation UpdateRecords"
                + (operation == null ? "" : ", not " + operation));
      }
    }
  }

  /** Whether an any-operation rule's action can apply to this operation at all. */
  boolean applicable(String operation, FaultAction action) {
    if (action instanceof FaultAction.ServiceError e) {
      return models(operation, e.error());
    }
    if (action instanceof FaultAction.RateLimit) {
      return models(operation, ErrorShape.TooManyRequestsException);
    }
    if (action instanceof FaultAction.Conflict) {
      return UPDATE_RECORDS.equals(operation);
    }
    return true;
  }
}
