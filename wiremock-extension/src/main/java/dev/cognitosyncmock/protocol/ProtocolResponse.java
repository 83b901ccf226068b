package dev.cognitosyncmock.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A finished HTTP response: status, headers, JSON body bytes. A server adapter waits
 * {@code delay} (null: none) before answering, and breaks the connection instead of answering
 * when {@code connectionFault} is set (fault injection).
 */
public record ProtocolResponse(int status, Map<String, String> headers, byte[] body,
    Duration delay, ConnectionFault connectionFault) {

  public ProtocolResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null, null);
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
