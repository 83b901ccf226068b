package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A finished HTTP response: status, headers, JSON body bytes. A server adapter waits {@code delay}
 * (null: none) before answering, and breaks the connection instead of answering when {@code
 * connectionFault} is set (fault injection).
 */
public record ProtocolResponse(
    int status,
    Map<String, String> headers,
    byte[] body,
    Duration delay,
    ConnectionFault connectionFault) {

  public ProtocolResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null, null);
  }

  /**
   * A JSON answer: {@code Content-Type: application/json}, then {@code headers} (name, value, name,
   * value...), and {@code body}.
   */
  public static ProtocolResponse json(int status, JsonNode body, String... headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      all.put(headers[i], headers[i + 1]);
    }
    return new ProtocolResponse(status, all, Json.MAPPER.writeValueAsBytes(body));
  }

  /**
   * The one shape of every error and notice this mock writes, {@code {"message": ...}}, with {@code
   * headers} as for {@link #json}.
   */
  public static ProtocolResponse message(int status, String message, String... headers) {
    return json(status, Json.MAPPER.createObjectNode().put("message", message), headers);
  }

  /** This response with one more header (or one replaced). */
  public ProtocolResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ProtocolResponse(status, more, body, delay, connectionFault);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** This response, sent after {@code delay} (added to any delay it already has). */
  public ProtocolResponse withDelay(Duration delay) {
    if (delay == null || delay.isZero()) {
      return this;
    }
    Duration total = this.delay == null ? delay : this.delay.plus(delay);
    return new ProtocolResponse(status, headers, body, total, connectionFault);
  }

  /** This response replaced, on the wire, by a broken connection. */
  public ProtocolResponse withConnectionFault(ConnectionFault fault) {
    return new ProtocolResponse(status, headers, body, delay, fault);
  }
}
