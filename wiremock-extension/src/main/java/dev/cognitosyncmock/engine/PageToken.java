package dev.cognitosyncmock.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque NextToken: where the next page starts, bound to the listing it came from (the scope)
 * so that a token from one listing is refused by another (SEMANTICS B6, C6). Standard base64, as
 * the real service's tokens are, so clients must percent-encode it in the query.
 */
record PageToken(String scope, List<String> position) {
  private static final String SEPARATOR = "\u0000";

  String encode() {
    String text = scope + SEPARATOR + String.join(SEPARATOR, position);
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position the token carries; InvalidParameterException when it is not one of ours for this scope. */
  static List<String> decode(String token, String expectedScope, int positionSize) {
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      List<String> parts = List.of(text.split(SEPARATOR, -1));
      if (parts.size() == positionSize + 1 && parts.get(0).equals(expectedScope)) {
        return parts.subList(1, parts.size());
      }
    } catch (IllegalArgumentException e) {
      // fall through: not base64
    }
    throw ServiceException.invalidParameter("Invalid NextToken: " + abbreviate(token));
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }

  static int pageSize(Integer maxResults) {
    if (maxResults == null) {
      return Integer.MAX_VALUE; // C7: everything when the client sets no limit
    }
    if (maxResults < 1) {
      throw ServiceException.invalidParameter(
          "MaxResults must be greater than or equal to 1, got: " + maxResults);
    }
    return maxResults;
  }

  static long position(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ServiceException.invalidParameter("Invalid NextToken");
    }
  }}
