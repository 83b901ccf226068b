package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.json.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An admin request a route matched.
 *
 * @param path the path below {@code /__admin}, without the query
 * @param params the route template's {@code {name}} segments, percent-decoded
 * @param body the raw body, empty when none was sent
 */
public record AdminRequest(String method, String path, Map<String, String> params, byte[] body) {
  public AdminRequest {
    body = body == null ? new byte[0] : body;
  }

  public String param(String name) {
    return params.get(name);
  }

  /** The body as JSON; an empty body reads as {@code {}}. */
  public JsonNode json() {
    return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
  }
}
