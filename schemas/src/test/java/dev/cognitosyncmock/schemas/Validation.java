package dev.cognitosyncmock.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Test helper: the networknt validator as the protocol layer is expected to use it. */
final class Validation {

  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private Validation() {}

  static Schema schema(JsonNode document) {
    return REGISTRY.getSchema(document);
  }

  static Schema metaSchema() {
    return REGISTRY.getSchema(SchemaLocation.of(SchemaGenerator.DIALECT));
  }

  static List<Error> validateInput(String operation, String instanceJson) {
    return schema(OperationSchemas.input(operation)).validate(json(instanceJson));
  }

  static List<Error> validateOutput(String operation, String instanceJson) {
    return schema(OperationSchemas.output(operation)).validate(json(instanceJson));
  }

  /** JSON with single quotes for readability in tables; none of our test values contain a quote. */
  static JsonNode json(String singleQuoted) {
    return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }
}
