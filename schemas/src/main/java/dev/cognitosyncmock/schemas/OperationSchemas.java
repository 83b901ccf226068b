package dev.cognitosyncmock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The committed JSON Schema documents, read from the classpath and cached. */
public final class OperationSchemas {

  private static final String BASE = "/dev/cognitosyncmock/schemas/";
  private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

  private OperationSchemas() {}

  /** Schema of the merged request members; a copy, so callers may modify it. */
  public static JsonNode input(String operation) {
    return read(SchemaGenerator.fileName(SchemaGenerator.Direction.INPUT, operation));
  }

  /** Schema of the response body; a copy, so callers may modify it. */
  public static JsonNode output(String operation) {
    return read(SchemaGenerator.fileName(SchemaGenerator.Direction.OUTPUT, operation));
  }

  /** Schema of the merged request members of another vendored service's operation; a copy. */
  public static JsonNode input(VendoredService service, String operation) {
    return read(
        service.folder() + SchemaGenerator.fileName(SchemaGenerator.Direction.INPUT, operation));
  }

  /** Schema of the response members of another vendored service's operation; a copy. */
  public static JsonNode output(VendoredService service, String operation) {
    return read(
        service.folder() + SchemaGenerator.fileName(SchemaGenerator.Direction.OUTPUT, operation));
  }

  private static JsonNode read(String relativePath) {
    return CACHE.computeIfAbsent(relativePath, OperationSchemas::load).deepCopy();
  }

  private static JsonNode load(String relativePath) {
    try (InputStream in = OperationSchemas.class.getResourceAsStream(BASE + relativePath)) {
      if (in == null) {
        throw new IllegalArgumentException("No schema " + relativePath + " (unknown operation?)");
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
