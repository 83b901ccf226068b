package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.Lazy;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What the model allows: which errors an operation lists, which operations exist. */
final class FaultValidation {
  static final String UPDATE_RECORDS = "UpdateRecords";

  /**
   * The operations of each service on the endpoint (Cognito Sync, then Cognito Identity), each read
   * from its model when first needed: a rule or step on a Sync operation never parses Identity's
   * model. No operation name is in two.
   */
  private final List<Lazy<Map<String, OperationModel>>> operationsByService;

  FaultValidation(ServiceModel model) {
    this(List.of(() -> model));
  }

  FaultValidation(List<Supplier<ServiceModel>> models) {
    List<Lazy<Map<String, OperationModel>>> byService = new ArrayList<>();
    for (Supplier<ServiceModel> model : models) {
      byService.add(new Lazy<>(() -> operationsOf(model.get())));
    }
    this.operationsByService = List.copyOf(byService);
  }

  private static Map<String, OperationModel> operationsOf(ServiceModel model) {
    Map<String, OperationModel> operations = new LinkedHashMap<>();
    model.operations().forEach(op -> operations.put(op.name(), op));
    return Collections.unmodifiableMap(operations);
  }

  OperationModel operation(String name) {
    for (Lazy<Map<String, OperationModel>> operations : operationsByService) {
      OperationModel operation = operations.get().get(name);
      if (operation != null) {
        return operation;
      }
    }
    throw new InvalidFaultException(
        "Unknown operation '"
            + name
            + "'; the operations are "
            + operations().map(OperationModel::name).toList());
  }

  /** Every operation, service by service; a model is read only when the stream reaches it. */
  private Stream<OperationModel> operations() {
    return operationsByService.stream().flatMap(operations -> operations.get().values().stream());
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
          && operations().noneMatch(op -> op.errors().contains(e.error().name()))) {
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
