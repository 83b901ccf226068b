package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VendoredModelTest {

  private static final Path MODULE = ModulePaths.moduleDir();

  @Test
  void vendoredCopyIsTheStrippedUpstreamModel() throws IOException {
    Path upstream = ModulePaths.upstreamModel(MODULE);
    assumeTrue(
        Files.isRegularFile(upstream),
        "Upstream model "
            + upstream
            + " is absent; skipping the byte comparison with the vendored copy");
    String expected;
    try (InputStream in = Files.newInputStream(upstream)) {
      expected = ModelVendoring.vendoredText(in);
    }
    assertThat(Files.readString(ModulePaths.vendoredModel(MODULE), StandardCharsets.UTF_8))
        .as(
            "vendored service-2.json differs from the stripped %s; re-vendor with "
                + "'mvn -B -q -pl schemas compile exec:java@vendor-model' then regenerate with '%s'",
            upstream, SchemaGenerator.REGENERATE_COMMAND)
        .isEqualTo(expected);
  }

  @Test
  void vendoredCopyHasNoDocumentationLeft() throws IOException {
    JsonNode vendored = Json.MAPPER.readTree(Files.readString(ModulePaths.vendoredModel(MODULE)));
    List<String> found = new ArrayList<>();
    collectDocumentation(vendored, "", found);
    assertThat(found).isEmpty();
    assertThat(vendored.path("shapes").size()).isEqualTo(85);
  }

  @Test
  void stripRemovesDocumentationStringsOnlyAndLeavesTheInputAlone() {
    JsonNode model =
        Json.MAPPER.readTree(
            """
                {"documentation": "top", "shapes": {
                  "A": {"type": "string", "documentation": "<p>doc</p>", "max": 3},
                  "B": {"type": "structure", "members": {"documentation": {"shape": "A", "documentation": "x"}}}}}
                """);
    JsonNode stripped = ModelVendoring.strip(model);
    assertThat(stripped)
        .isEqualTo(
            Json.MAPPER.readTree(
                """
                {"shapes": {"A": {"type": "string", "max": 3},
                            "B": {"type": "structure", "members": {"documentation": {"shape": "A"}}}}}
                """));
    assertThat(model.path("documentation").asString()).isEqualTo("top");
  }

  @Test
  void noticeNamesOriginLicenceAndTheChange() throws IOException {
    String notice = Files.readString(ModulePaths.resourceDir(MODULE).resolve("NOTICE"));
    assertThat(notice)
        .contains(
            "python3-botocore 1.29.27+repack-1",
            "boto/botocore",
            "bookworm",
            "Apache License, Version 2.0",
            "\"documentation\" string was removed");
  }

  private static void collectDocumentation(JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equals("documentation") && e.getValue().isString()) {
          found.add(path + "/documentation");
        }
        collectDocumentation(e.getValue(), path + "/" + e.getKey(), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDocumentation(node.get(i), path + "/" + i, found);
      }
    }
  }
}
