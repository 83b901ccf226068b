package dev.cognitosyncmock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the service model into JSON Schema (draft 2020-12) documents, one per operation input and
 * output.
 *
 * <p>Input documents merge path, query-string, header and body members into one object keyed by
 * member name, so the protocol layer validates a single JSON object per request. Each top-level
 * input property carries an {@code x-location} annotation ({@code {"in": ..., "name": ...}}) naming
 * where it travels. Nested structures live in the document's own {@code $defs}, so every document
 * is self-contained. Extra members are allowed, as on the real service.
 */
public final class SchemaGenerator {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  public static final String ID_BASE = "https://cognitosyncmock.dev/schemas/";

  /** The command that rewrites the committed schema files (run from the repository root). */
  public static final String REGENERATE_COMMAND = "mvn -B -q -pl schemas compile exec:java";

  private final ServiceModel model;

  public SchemaGenerator(ServiceModel model) {
    this.model = model;
  }

  /** Services beside Cognito Sync are generated into their own folder, named by endpoint prefix. */
  private String folder() {
    String prefix = model.endpointPrefix();
    return prefix.equals("cognito-sync") ? "" : prefix + "/";
  }

  /** Relative path of a generated document, e.g. {@code input/ListRecords.json}. */
  public static String fileName(Direction direction, String operation) {
    return direction.folder() + "/" + operation + ".json";
  }

  public enum Direction {
    INPUT("input"),
    OUTPUT("output");

    private final String folder;

    Direction(String folder) {
      this.folder = folder;
    }

    public String folder() {
      return folder;
    }
  }

  /** Every document, keyed by relative path, rendered in the committed byte format. */
  public SortedMap<String, String> render() {
    SortedMap<String, String> files = new TreeMap<>();
    for (OperationModel operation : model.operations()) {
      files.put(
          fileName(Direction.INPUT, operation.name()), Json.pretty(inputSchema(operation.name())));
      files.put(
          fileName(Direction.OUTPUT, operation.name()),
          Json.pretty(outputSchema(operation.name())));
    }
    return files;
  }

  public ObjectNode inputSchema(String operationName) {
    OperationModel operation = model.operation(operationName);
    Document document = new Document();
    ObjectNode schema =
        header(
            Direction.INPUT,
            operation,
            switch (model.protocol()) {
              case "json" ->
                  "POST / with X-Amz-Target: "
                      + model.targetPrefix()
                      + "."
                      + operation.name()
                      + " - the members of the JSON body; x-location says where each travels.";
              case "query" ->
                  "POST / with Action="
                      + operation.name()
                      + " - the form parameters, as members; x-location says where each travels.";
              default ->
                  operation.method()
                      + " "
                      + operation.requestUri()
                      + " - members of the URI path, query string,"
                      + " headers and JSON body merged into one object by member name; x-location says where"
                      + " each travels.";
            });
    schema.put("type", "object");
    ArrayNode required = Json.MAPPER.createArrayNode();
    ObjectNode properties = Json.MAPPER.createObjectNode();
    for (MemberBinding member : operation.inputMembers()) {
      if (member.required()) {
        required.add(member.member());
      }
      ObjectNode property = document.schemaOf(member.shape());
      ObjectNode location = property.putObject("x-location");
      location.put("in", member.location().modelName());
      location.put("name", member.locationName());
      properties.set(member.member(), property);
    }
    return finish(schema, required, properties, document);
  }

  public ObjectNode outputSchema(String operationName) {
    OperationModel operation = model.operation(operationName);
    Document document = new Document();
    if (operation.outputShape() == null) {
      ObjectNode schema =
          header(
              Direction.OUTPUT,
              operation,
              operationName
                  + " has no output shape: the HTTP "
                  + operation.responseCode()
                  + " response carries no members.");
      schema.put("type", "object");
      return finish(
          schema, Json.MAPPER.createArrayNode(), Json.MAPPER.createObjectNode(), document);
    }
    ObjectNode schema =
        header(
            Direction.OUTPUT,
            operation,
            "JSON body of a successful (HTTP "
                + operation.responseCode()
                + ") "
                + operationName
                + " response.");
    ObjectNode body = document.structure(operation.outputShape());
    schema.setAll(body);
    return finish(schema, null, null, document);
  }

  private ObjectNode header(Direction direction, OperationModel operation, String description) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", ID_BASE + folder() + fileName(direction, operation.name()));
    schema.put("title", operation.name() + " " + direction.folder());
    schema.put("description", description);
    return schema;
  }

  private static ObjectNode finish(
      ObjectNode schema, ArrayNode required, ObjectNode properties, Document document) {
    if (required != null && !required.isEmpty()) {
      schema.set("required", required);
    }
    if (properties != null) {
      schema.set("properties", properties);
    }
    if (!document.defs.isEmpty()) {
      ObjectNode defs = schema.putObject("$defs");
      document.defs.forEach(defs::set);
    }
    return schema;
  }

  /** Translation state of one document: the structures collected into its {@code $defs}. */
  private final class Document {
    private final SortedMap<String, ObjectNode> defs = new TreeMap<>();

    /** Schema for a member targeting {@code shapeName}; structures become a {@code $ref}. */
    ObjectNode schemaOf(String shapeName) {
      JsonNode shape = model.rawShape(shapeName);
      String type = shape.path("type").asString();
      ObjectNode schema = Json.MAPPER.createObjectNode();
      switch (type) {
        case "string" -> {
          schema.put("type", "string");
          copyNumber(shape, "min", schema, "minLength");
          copyNumber(shape, "max", schema, "maxLength");
          if (shape.has("pattern")) {
            schema.put("pattern", anchoredPattern(shapeName, shape.path("pattern").asString()));
          }
          if (shape.has("enum")) {
            schema.set("enum", shape.path("enum").deepCopy());
          }
        }
        case "integer", "long" -> {
          schema.put("type", "integer");
          copyNumber(shape, "min", schema, "minimum");
          copyNumber(shape, "max", schema, "maximum");
        }
        case "boolean" -> schema.put("type", "boolean");
        // rest-json timestamps are epoch seconds, possibly with a fraction (JS SDK v2 sends
        // 1700574873.059).
        case "timestamp" -> schema.put("type", "number");
        case "list" -> {
          schema.put("type", "array");
          schema.set("items", schemaOf(shape.path("member").path("shape").asString()));
          copyNumber(shape, "min", schema, "minItems");
          copyNumber(shape, "max", schema, "maxItems");
        }
        case "map" -> {
          schema.put("type", "object");
          schema.set("propertyNames", schemaOf(shape.path("key").path("shape").asString()));
          schema.set(
              "additionalProperties", schemaOf(shape.path("value").path("shape").asString()));
          copyNumber(shape, "min", schema, "minProperties");
          copyNumber(shape, "max", schema, "maxProperties");
        }
        case "structure" -> {
          if (!defs.containsKey(shapeName)) {
            defs.put(shapeName, Json.MAPPER.createObjectNode()); // placeholder stops recursion
            defs.put(shapeName, structure(shapeName));
          }
          schema.put("$ref", "#/$defs/" + shapeName);
        }
        default ->
            throw new IllegalArgumentException(
                "Shape "
                    + shapeName
                    + " has type "
                    + type
                    + ", which this generator does not translate");
      }
      return schema;
    }

    /** Object schema of a structure shape: properties in model order, required from the model. */
    ObjectNode structure(String shapeName) {
      JsonNode shape = model.rawShape(shapeName);
      ObjectNode schema = Json.MAPPER.createObjectNode();
      schema.put("type", "object");
      Set<String> required = ServiceModel.requiredOf(shape);
      if (!required.isEmpty()) {
        ArrayNode names = schema.putArray("required");
        required.forEach(names::add);
      }
      ObjectNode properties = schema.putObject("properties");
      for (Map.Entry<String, JsonNode> member : shape.path("members").properties()) {
        properties.set(member.getKey(), schemaOf(member.getValue().path("shape").asString()));
      }
      return schema;
    }
  }

  /**
   * Botocore patterns must match the whole value, JSON Schema {@code pattern} matches anywhere, so
   * we anchor. Compiling here fails generation early on a pattern Java cannot read.
   */
  static String anchoredPattern(String shapeName, String pattern) {
    String anchored = "^(?:" + pattern + ")$";
    try {
      Pattern.compile(anchored);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "Pattern of shape " + shapeName + " is not a valid Java regex", e);
    }
    return anchored;
  }

  private static void copyNumber(JsonNode shape, String from, ObjectNode schema, String to) {
    JsonNode value = shape.get(from);
    if (value != null) {
      schema.set(to, value.deepCopy()); // keep the model's number node as-is
    }
  }

  /**
   * Rewrites the committed schema files from the model with the errata applied ({@link
   * ModelErrata}). Arguments: model path (default: the vendored model) and output directory
   * (default: this module's resource folder, which holds {@code input/} and {@code output/}). Stale
   * {@code .json} files in those folders are deleted.
   */
  public static void main(String[] args) throws IOException {
    Path moduleDir = ModulePaths.moduleDir();
    if (args.length == 0) {
      // the services beside Cognito Sync write to their own folder, from their model as it
      // is (the errata are Cognito Sync's); Sync follows below
      for (VendoredService service : VendoredService.values()) {
        if (service != VendoredService.COGNITO_SYNC) {
          Path modelPath = ModulePaths.vendoredModel(moduleDir, service);
          try (InputStream in = Files.newInputStream(modelPath)) {
            write(
                ServiceModel.parse(in),
                modelPath,
                ModulePaths.resourceDir(moduleDir).resolve(service.folder()));
          }
        }
      }
    }
    Path modelPath = args.length > 0 ? Path.of(args[0]) : ModulePaths.vendoredModel(moduleDir);
    Path outputDir = args.length > 1 ? Path.of(args[1]) : ModulePaths.resourceDir(moduleDir);
    ServiceModel model;
    try (InputStream in = Files.newInputStream(modelPath)) {
      model = ServiceModel.parseWithErrata(in);
    }
    write(model, modelPath, outputDir);
  }

  private static void write(ServiceModel model, Path modelPath, Path outputDir) throws IOException {
    SortedMap<String, String> files = new SchemaGenerator(model).render();
    for (Direction direction : Direction.values()) {
      Path folder = outputDir.resolve(direction.folder());
      Files.createDirectories(folder);
      try (Stream<Path> existing = Files.list(folder)) {
        for (Path stale : existing.filter(p -> p.toString().endsWith(".json")).toList()) {
          if (!files.containsKey(direction.folder() + "/" + stale.getFileName())) {
            Files.delete(stale);
          }
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(outputDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("Wrote " + files.size() + " schemas to " + outputDir + " from " + modelPath);
  }
}
