package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OperationSchemasTest {

  @Test
  void readsTheCommittedDocuments() {
    assertThat(OperationSchemas.input("ListRecords").path("$id").asString())
        .isEqualTo("https://cognitosyncmock.dev/schemas/input/ListRecords.json");
    assertThat(OperationSchemas.output("UpdateRecords").path("$id").asString())
        .isEqualTo("https://cognitosyncmock.dev/schemas/output/UpdateRecords.json");
  }

  @Test
  void everyOperationHasBothDocuments() {
    ServiceModel.load()
        .operations()
        .forEach(
            op -> {
              assertThat(OperationSchemas.input(op.name()).path("title").asString())
                  .isEqualTo(op.name() + " input");
              assertThat(OperationSchemas.output(op.name()).path("title").asString())
                  .isEqualTo(op.name() + " output");
            });
  }

  @Test
  void unknownOperationIsRejected() {
    assertThatThrownBy(() -> OperationSchemas.input("PutRecord"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PutRecord");
  }

  @Test
  void callersGetCopiesNotTheCachedDocument() {
    ((ObjectNode) OperationSchemas.input("ListRecords")).put("title", "changed");
    assertThat(OperationSchemas.input("ListRecords").path("title").asString())
        .isEqualTo("ListRecords input");
  }
}
