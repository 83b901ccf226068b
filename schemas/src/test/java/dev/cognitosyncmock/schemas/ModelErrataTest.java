package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SEMANTICS A9: the spec errata are one small patch applied over the untouched vendored model. */
class ModelErrataTest {

  @Test
  void A9_theErrataNameTheirSourceAndAddCognitoStreamsDisabledReason() {
    List<ModelErrata.Erratum> errata = ModelErrata.load();
    assertThat(errata)
        .extracting(ModelErrata.Erratum::id)
        .containsExactly("CognitoStreams.DisabledReason");
    assertThat(errata.get(0).source())
        .contains("API Reference", "CognitoStreams", "DisabledReason");
  }

  @Test
  void A9_theLoadedModelCarriesDisabledReasonWhileTheVendoredFileDoesNot() throws IOException {
    assertThat(ServiceModel.load().shape("CognitoStreams").path("members").propertyNames())
        .containsExactly("StreamName", "RoleArn", "StreamingStatus", "DisabledReason");
    assertThat(
            ServiceModel.load()
                .shape("CognitoStreams")
                .at("/members/DisabledReason/shape")
                .asString())
        .isEqualTo("String");
    try (InputStream in =
        Files.newInputStream(ModulePaths.vendoredModel(ModulePaths.moduleDir()))) {
      assertThat(
              ServiceModel.parse(in).shape("CognitoStreams").path("members").has("DisabledReason"))
          .as("the vendored file stays the stripped upstream model")
          .isFalse();
    }
  }

  @Test
  void A9_generatedSchemasSeeTheErratumOnInputAndOutput() {
    SchemaGenerator generator = new SchemaGenerator(ServiceModel.load());
    assertThat(
            generator
                .inputSchema("SetIdentityPoolConfiguration")
                .at("/$defs/CognitoStreams/properties/DisabledReason/type")
                .asString())
        .isEqualTo("string");
    assertThat(
            generator
                .outputSchema("GetIdentityPoolConfiguration")
                .at("/$defs/CognitoStreams/properties/DisabledReason/type")
                .asString())
        .isEqualTo("string");
  }

  @Test
  void A9_mergePatchFollowsRfc7386() {
    JsonNode target = Json.MAPPER.readTree("{\"a\": {\"b\": 1, \"c\": 2}, \"d\": [1]}");
    JsonNode patch = Json.MAPPER.readTree("{\"a\": {\"b\": null, \"e\": 3}, \"d\": [2]}");
    assertThat(ModelErrata.mergePatch(target.deepCopy(), patch))
        .isEqualTo(Json.MAPPER.readTree("{\"a\": {\"c\": 2, \"e\": 3}, \"d\": [2]}"));
  }

  @Test
  void A9_anErratumUpstreamHasAlreadyMadeIsRefused() {
    JsonNode model = Json.MAPPER.readTree("{\"shapes\": {\"S\": {\"type\": \"string\"}}}");
    ModelErrata.Erratum stale =
        new ModelErrata.Erratum(
            "S", "test", Json.MAPPER.readTree("{\"shapes\": {\"S\": {\"type\": \"string\"}}}"));
    assertThatThrownBy(() -> ModelErrata.apply(model, List.of(stale)))
        .hasMessageContaining("Erratum S changes nothing");
  }

  @Test
  void A9_anErratumWithoutSourceIsRefused() {
    assertThatThrownBy(
            () ->
                ModelErrata.parse(
                    Json.MAPPER.readTree("{\"errata\": [{\"id\": \"x\", \"patch\": {}}]}")))
        .hasMessageContaining("needs an id, a source and a patch");
  }
}
