package dev.cognitosyncmock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Produces the vendored copy of the botocore model: every {@code documentation} string removed,
 * nothing else changed, pretty-printed in the module's canonical format.
 *
 * <p>Documentation strings make up most of the upstream file and are not needed at runtime;
 * dropping them also keeps AWS prose out of the artifact.
 */
public final class ModelVendoring {

  private ModelVendoring() {}

  /** A stripped deep copy of {@code model}. */
  public static JsonNode strip(JsonNode model) {
    JsonNode copy = model.deepCopy();
    removeDocumentation(copy);
    return copy;
  }

  /** The exact bytes of the vendored file for an upstream model. */
  public static String vendoredText(InputStream upstreamModel) {
    return Json.pretty(strip(Json.MAPPER.readTree(upstreamModel)));
  }

  private static void removeDocumentation(JsonNode node) {
    if (node instanceof ObjectNode object) {
      // Only string values: a member or shape that happened to be called "documentation" must
      // survive.
      if (object.path("documentation").isString()) {
        object.remove("documentation");
      }
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        removeDocumentation(entry.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        removeDocumentation(element);
      }
    }
  }

  /**
   * Re-vendors the model. Arguments: upstream model path (default {@code
   * ../shared/spec/service-2.json} next to the repository) and destination path (default: the
   * vendored resource in this module).
   */
  public static void main(String[] args) throws IOException {
    Path moduleDir = ModulePaths.moduleDir();
    if (args.length == 0) {
      // every vendored service; Cognito Sync last, through the original path below
      for (VendoredService service : VendoredService.values()) {
        if (service != VendoredService.COGNITO_SYNC) {
          main(
              new String[] {
                ModulePaths.upstreamModel(moduleDir, service).toString(),
                ModulePaths.vendoredModel(moduleDir, service).toString()
              });
        }
      }
    }
    Path upstream = args.length > 0 ? Path.of(args[0]) : ModulePaths.upstreamModel(moduleDir);
    Path destination = args.length > 1 ? Path.of(args[1]) : ModulePaths.vendoredModel(moduleDir);
    String text;
    try (InputStream in = Files.newInputStream(upstream)) {
      text = vendoredText(in);
    }
    Files.createDirectories(destination.getParent());
    Files.writeString(destination, text, StandardCharsets.UTF_8);
    System.out.println("Wrote " + destination + " from " + upstream);
  }
}
