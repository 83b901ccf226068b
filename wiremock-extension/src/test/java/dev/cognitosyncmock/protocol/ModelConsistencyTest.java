package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The engine's error shapes and the operation table agree with the model (A1). */
class ModelConsistencyTest {
  @Test
  void A1_everyErrorShapeIsAnExceptionShapeOfTheModelAndViceVersa() {
    java.util.Set<String> modeled =
        new java.util.TreeSet<>(ServiceModel.load().errorStatuses().keySet());
    modeled.addAll(
        ServiceModel.load(dev.cognitosyncmock.schemas.VendoredService.COGNITO_IDENTITY)
            .errorStatuses()
            .keySet());
    assertThat(Arrays.stream(ErrorShape.values()).map(Enum::name))
        .containsExactlyInAnyOrderElementsOf(modeled);
  }

  @Test
  void theOperationTableWiresExactlyTheModelsOperations() {
    // the constructor refuses a table that differs from the model
    new OperationTable(ServiceModel.load(), new SyncEngine());
    assertThat(ServiceModel.load().operations()).hasSize(17);
  }
}
