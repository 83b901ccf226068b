package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaGeneratorTest {

  private final SchemaGenerator generator = new SchemaGenerator(ServiceModel.load());

  @Test
  void inputDocumentHeaderAndMergedMembers() {
    JsonNode schema = generator.inputSchema("ListRecords");
    assertThat(schema.path("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").asString())
        .isEqualTo("https://cognitosyncmock.dev/schemas/input/ListRecords.json");
    assertThat(schema.path("title").asString()).isEqualTo("ListRecords input");
    assertThat(schema.path("type").asString()).isEqualTo("object");
    assertThat(schema.has("additionalProperties")).isFalse();
    assertThat(schema.path("properties").propertyNames())
        .containsExactly(
            "IdentityPoolId",
            "IdentityId",
            "DatasetName",
            "LastSyncCount",
            "NextToken",
            "MaxResults",
            "SyncSessionToken");
    assertThat(schema.path("required"))
        .containsExactly(
            Validation.json("'IdentityPoolId'"),
            Validation.json("'IdentityId'"),
            Validation.json("'DatasetName'"));
    assertThat(schema.path("properties").path("LastSyncCount"))
        .isEqualTo(
            Validation.json(
                "{'type':'integer','x-location':{'in':'querystring','name':'lastSyncCount'}}"));
  }

  @Test
  void headerAndBodyLocationsAreAnnotated() {
    JsonNode properties = generator.inputSchema("UpdateRecords").path("properties");
    assertThat(properties.path("ClientContext").path("x-location"))
        .isEqualTo(Validation.json("{'in':'header','name':'x-amz-Client-Context'}"));
    assertThat(properties.path("RecordPatches").path("x-location"))
        .isEqualTo(Validation.json("{'in':'body','name':'RecordPatches'}"));
    assertThat(properties.path("IdentityId").path("x-location"))
        .isEqualTo(Validation.json("{'in':'uri','name':'IdentityId'}"));
  }

  @Test
  void nestedStructuresAreLocalDefs() {
    JsonNode schema = generator.outputSchema("GetIdentityPoolConfiguration");
    assertThat(schema.path("properties").path("PushSync"))
        .isEqualTo(Validation.json("{'$ref':'#/$defs/PushSync'}"));
    assertThat(schema.path("$defs").propertyNames()).containsExactly("CognitoStreams", "PushSync");
    assertThat(
            schema
                .path("$defs")
                .path("PushSync")
                .path("properties")
                .path("ApplicationArns")
                .path("items")
                .path("pattern")
                .asString())
        .isEqualTo("^(?:arn:aws:sns:[-0-9a-z]+:\\d+:app/[A-Z_]+/[a-zA-Z0-9_.-]+)$");
  }

  @Test
  void mapsBecomeObjectsWithKeyAndValueSchemas() {
    assertThat(generator.inputSchema("SetCognitoEvents").path("properties").path("Events"))
        .isEqualTo(
            Validation.json(
                "{'type':'object','propertyNames':{'type':'string'},'additionalProperties':{'type':'string'},"
                    + "'maxProperties':1,'x-location':{'in':'body','name':'Events'}}"));
  }

  @Test
  void operationWithoutOutputShapeGetsAnEmptyObjectSchema() {
    JsonNode schema = generator.outputSchema("SetCognitoEvents");
    assertThat(schema.path("$id").asString())
        .isEqualTo("https://cognitosyncmock.dev/schemas/output/SetCognitoEvents.json");
    assertThat(schema.path("type").asString()).isEqualTo("object");
    assertThat(schema.path("properties").isEmpty()).isTrue();
  }

  /** Constraint kinds the Cognito Sync model does not use, checked on a made-up model. */
  @Test
  void listBoundsIntegerBoundsMapMinimumAndRecursion() {
    JsonNode schema =
        new SchemaGenerator(
                parse(
                    """
                {"metadata": {"apiVersion": "x"},
                 "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                                       "input": {"shape": "Node"}}},
                 "shapes": {
                   "Node": {"type": "structure", "members": {"Children": {"shape": "Nodes"}, "Size": {"shape": "Size"},
                                                           "Tags": {"shape": "Tags"}}},
                   "Nodes": {"type": "list", "member": {"shape": "Node"}, "min": 1, "max": 3},
                   "Size": {"type": "integer", "min": 0, "max": 10},
                   "Tags": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}, "min": 1},
                   "S": {"type": "string"}}}
                """))
            .inputSchema("Op");
    JsonNode properties = schema.path("properties");
    assertThat(properties.path("Children"))
        .isEqualTo(
            Validation.json(
                "{'type':'array','items':{'$ref':'#/$defs/Node'},'minItems':1,'maxItems':3,"
                    + "'x-location':{'in':'body','name':'Children'}}"));
    assertThat(properties.path("Size").path("minimum").intValue()).isZero();
    assertThat(properties.path("Size").path("maximum").intValue()).isEqualTo(10);
    assertThat(properties.path("Tags").path("minProperties").intValue()).isEqualTo(1);
    assertThat(schema.path("$defs").path("Node").path("properties").path("Children").path("items"))
        .isEqualTo(Validation.json("{'$ref':'#/$defs/Node'}"));
    assertThat(Validation.metaSchema().validate(schema)).isEmpty();
    assertThat(
            Validation.schema(schema).validate(Validation.json("{'Children':[{'Children':[]}]}")))
        .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
        .containsExactly("minItems /Children/0/Children");
  }

  @Test
  void unsupportedTypesAndBrokenPatternsFailGeneration() {
    String template =
        """
                {"metadata": {}, "operations": {"Op": {"name": "Op", "http": {"method": "GET", "requestUri": "/"},
                 "input": {"shape": "In"}}},
                 "shapes": {"In": {"type": "structure", "members": {"A": {"shape": "A"}}}, "A": %s}}
                """;
    assertThatThrownBy(
            () ->
                new SchemaGenerator(parse(template.formatted("{\"type\": \"blob\"}")))
                    .inputSchema("Op"))
        .hasMessageContaining("blob");
    assertThatThrownBy(
            () ->
                new SchemaGenerator(
                        parse(template.formatted("{\"type\": \"string\", \"pattern\": \"[a-\"}")))
                    .inputSchema("Op"))
        .hasMessageContaining("Pattern of shape A");
  }

  @Test
  void anchoredPatternWrapsTheWholeAlternation() {
    assertThat(SchemaGenerator.anchoredPattern("X", "a|b")).isEqualTo("^(?:a|b)$");
  }

  private static ServiceModel parse(String json) {
    return ServiceModel.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
