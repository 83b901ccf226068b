package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.security.SignedRequest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the protocol layer sees it, free of any server library.
 *
 * @param url the raw request target: percent-encoded path plus query, as it came off the wire
 * @param headers header values by name; looked up case-insensitively
 * @param body the raw body; empty when none was sent
 */
public record ProtocolRequest(String method, String url, Map<String, String> headers, byte[] body) {
  public ProtocolRequest {
    method = method.toUpperCase(Locale.ROOT);
    TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    headers = caseless;
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String path() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  public String rawQuery() {
    int q = url.indexOf('?');
    return q < 0 ? "" : url.substring(q + 1);
  }

  /** The request as its SigV4 signature covers it. */
  public SignedRequest signed() {
    return new SignedRequest(method, path(), rawQuery(), this::header, body);
  }
}
