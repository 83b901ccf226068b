package dev.cognitosyncmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A finished HTTP response: status, headers, JSON body bytes. */
public record ProtocolResponse(int status, Map<String, String> headers, byte[] body) {
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
