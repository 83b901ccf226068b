package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed schema files must be exactly what the generator produces from the vendored model.
 */
class SchemaDriftTest {

  private static final Path RESOURCES = ModulePaths.resourceDir(ModulePaths.moduleDir());
  private static final String HOW_TO_FIX =
      "; regenerate with '"
          + SchemaGenerator.REGENERATE_COMMAND
          + "' from the repository root and commit the result";

  private final SortedMap<String, String> generated =
      new SchemaGenerator(ServiceModel.load()).render();

  @Test
  void thirtyFourDocuments() {
    assertThat(generated)
        .hasSize(34)
        .containsKeys("input/ListRecords.json", "output/SetCognitoEvents.json");
  }

  @Test
  void committedFilesAreByteIdenticalToFreshlyGeneratedOnes() throws IOException {
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path committed = RESOURCES.resolve(file.getKey());
      assertThat(committed).as("%s is missing%s", committed, HOW_TO_FIX).isRegularFile();
      assertThat(Files.readString(committed, StandardCharsets.UTF_8))
          .as("%s differs from the generator's output%s", committed, HOW_TO_FIX)
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void noStaleSchemaFilesAreCommitted() throws IOException {
    TreeSet<String> committed = new TreeSet<>();
    for (String folder : new String[] {"input", "output"}) {
      try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
        files.forEach(p -> committed.add(folder + "/" + p.getFileName()));
      }
    }
    assertThat(committed)
        .as("committed schema files not produced by the generator%s", HOW_TO_FIX)
        .isEqualTo(generated.keySet());
  }

  @Test
  void renderingIsDeterministicAndEndsWithANewline() {
    assertThat(new SchemaGenerator(ServiceModel.load()).render()).isEqualTo(generated);
    assertThat(generated.values())
        .allSatisfy(text -> assertThat(text).endsWith("}\n").doesNotContain("\r"));
  }
}
