package dev.cognitosyncmock.security;

import java.util.function.Function;

/**
 * What a SigV4 signature covers: the request as it came over the wire.
 *
 * @param rawPath the path as sent, percent escapes kept
 * @param rawQuery the query as sent, percent escapes kept; empty when there is none
 * @param header looks a request header up by name, case-insensitively; null when absent
 */
public record SignedRequest(
    String method, String rawPath, String rawQuery, Function<String, String> header, byte[] body) {

  String header(String name) {
    return header.apply(name);
  }
}
