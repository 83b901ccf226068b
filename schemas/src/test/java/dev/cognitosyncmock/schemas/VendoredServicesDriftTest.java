package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The services served beside Cognito Sync (Cognito Identity, STS): their vendored models and the
 * schemas committed for them must be exactly what the tools produce, as for Sync's.
 */
class VendoredServicesDriftTest {

  private static final Path MODULE = ModulePaths.moduleDir();
  private static final String HOW_TO_FIX =
      "; regenerate with '"
          + SchemaGenerator.REGENERATE_COMMAND
          + "' from the repository root and commit the result";

  @ParameterizedTest
  @EnumSource(
      value = VendoredService.class,
      names = {"COGNITO_IDENTITY", "STS"})
  void committedSchemasAreByteIdenticalToFreshlyGeneratedOnes(VendoredService service)
      throws IOException {
    SortedMap<String, String> generated = new SchemaGenerator(ServiceModel.load(service)).render();
    Path folder = ModulePaths.resourceDir(MODULE).resolve(service.folder());
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path committed = folder.resolve(file.getKey());
      assertThat(committed).as("%s is missing%s", committed, HOW_TO_FIX).isRegularFile();
      assertThat(Files.readString(committed, StandardCharsets.UTF_8))
          .as("%s differs from the generator's output%s", committed, HOW_TO_FIX)
          .isEqualTo(file.getValue());
    }
    TreeSet<String> committed = new TreeSet<>();
    for (String direction : new String[] {"input", "output"}) {
      try (Stream<Path> files = Files.list(folder.resolve(direction))) {
        files.forEach(p -> committed.add(direction + "/" + p.getFileName()));
      }
    }
    assertThat(committed).as("stale schema files%s", HOW_TO_FIX).isEqualTo(generated.keySet());
  }

  @ParameterizedTest
  @EnumSource(
      value = VendoredService.class,
      names = {"COGNITO_IDENTITY", "STS"})
  void vendoredCopyIsTheStrippedUpstreamModel(VendoredService service) throws IOException {
    Path upstream = ModulePaths.upstreamModel(MODULE, service);
    assumeTrue(Files.isRegularFile(upstream), "Upstream model " + upstream + " is absent");
    String expected;
    try (InputStream in = Files.newInputStream(upstream)) {
      expected = ModelVendoring.vendoredText(in);
    }
    assertThat(Files.readString(ModulePaths.vendoredModel(MODULE, service), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = VendoredService.class,
      names = {"COGNITO_IDENTITY", "STS"})
  void schemasLiveInTheServiceFolderAndNameIt(VendoredService service) {
    ServiceModel model = ServiceModel.load(service);
    String first = model.operations().get(0).name();
    assertThat(OperationSchemas.input(service, first).path("$id").asString())
        .isEqualTo(SchemaGenerator.ID_BASE + service.folder() + "input/" + first + ".json");
  }

  @org.junit.jupiter.api.Test
  void identityErrorsTakeTheAwsJsonDefaultStatusesH3() {
    ServiceModel identity = ServiceModel.load(VendoredService.COGNITO_IDENTITY);
    assertThat(identity.operations()).hasSize(23);
    assertThat(identity.targetPrefix()).isEqualTo("AWSCognitoIdentityService");
    assertThat(identity.errorStatus("NotAuthorizedException")).isEqualTo(400);
    assertThat(identity.errorStatus("ResourceNotFoundException")).isEqualTo(400);
    assertThat(identity.errorStatus("InternalErrorException")).isEqualTo(500);
    ServiceModel sts = ServiceModel.load(VendoredService.STS);
    assertThat(sts.errorCode("InvalidIdentityTokenException")).isEqualTo("InvalidIdentityToken");
    assertThat(sts.errorStatus("IDPRejectedClaimException")).isEqualTo(403);
  }
}
