package dev.cognitosyncmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.schemas.VendoredService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fault rules and scenario steps are checked against the models of Sync and Identity; Identity's is
 * read only when a rule needs it, and the answers are the same as with both read up front.
 */
class FaultValidationModelsTest {
  private static final ServiceModel SYNC = ServiceModel.load();
  private static final ServiceModel IDENTITY = ServiceModel.load(VendoredService.COGNITO_IDENTITY);

  private final AtomicInteger identityReads = new AtomicInteger();
  private final FaultValidation validation =
      new FaultValidation(
          List.<Supplier<ServiceModel>>of(
              () -> SYNC,
              () -> {
                identityReads.incrementAndGet();
                return IDENTITY;
              }));

  @Test
  @DisplayName("start-up: rules on Sync operations never read Cognito Identity's model")
  void syncRulesLeaveIdentityModelUnread() {
    validation.check(
        "UpdateRecords",
        new FaultAction.ServiceError(ErrorShape.LimitExceededException, "x"),
        false);
    validation.check(
        null, new FaultAction.ServiceError(ErrorShape.InternalErrorException, "x"), false);
    validation.check("ListRecords", new FaultAction.RateLimit(1, 1, null), false);
    assertThat(
            validation.applicable(
                "ListRecords",
                new FaultAction.ServiceError(ErrorShape.InternalErrorException, "x")))
        .isTrue();

    assertThat(identityReads).hasValue(0);
  }

  @Test
  @DisplayName(
      "IDENTITY.md: a rule on an Identity operation reads its model once and is checked against it")
  void identityRuleReadsIdentityModelOnce() {
    validation.check(
        "GetId", new FaultAction.ServiceError(ErrorShape.ExternalServiceException, "x"), false);
    validation.check(
        "GetId", new FaultAction.ServiceError(ErrorShape.TooManyRequestsException, "x"), false);
    assertThatThrownBy(
            () ->
                validation.check(
                    "GetId",
                    new FaultAction.ServiceError(ErrorShape.DuplicateRequestException, "x"),
                    false))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("GetId does not model DuplicateRequestException");

    assertThat(identityReads).hasValue(1);
  }

  @Test
  @DisplayName("an error only Identity operations model is accepted for any operation, as before")
  void anyOperationErrorOnlyIdentityModels() {
    validation.check(
        null,
        new FaultAction.ServiceError(ErrorShape.DeveloperUserAlreadyRegisteredException, "x"),
        false);

    assertThat(identityReads).hasValue(1);
  }

  @Test
  @DisplayName("an unknown operation is refused naming every operation of both services, in order")
  void unknownOperationListsBothServices() {
    List<String> names = new ArrayList<>();
    SYNC.operations().stream().map(OperationModel::name).forEach(names::add);
    IDENTITY.operations().stream().map(OperationModel::name).forEach(names::add);

    assertThatThrownBy(
            () ->
                validation.check(
                    "GetIdd", new FaultAction.Latency(java.time.Duration.ZERO, null, 0), false))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessage("Unknown operation 'GetIdd'; the operations are " + names);
  }
}
