package dev.cognitosyncmock.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque NextToken: where the next page starts, bound to the listing it came from (the scope) so
 * that a token from one listing is refused by another (SEMANTICS B6, C6). Standard base64, as the
 * real service's tokens are, so clients must percent-encode it in the query.
 */
record PageToken(String scope, List<String> position) {

  /**
   * Each string as its UTF-16 code units, length first: every Java string round-trips, whatever it
   * holds (NUL, a lone surrogate), which UTF-8 does not promise (a lone surrogate becomes '?').
   */
  String encode() {
    List<String> parts = new ArrayList<>();
    parts.add(scope);
    parts.addAll(position);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (String part : parts) {
        out.writeInt(part.length());
        out.writeChars(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // never: the stream is in memory
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The position the token carries; InvalidParameterException when it is not one of ours for this
   * scope.
   */
  static List<String> decode(String token, String expectedScope, int positionSize) {
    try {
      ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(token));
      List<String> parts = new ArrayList<>();
      while (in.remaining() >= Integer.BYTES && parts.size() <= positionSize) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining() / Character.BYTES) {
          break;
        }
        char[] chars = new char[length];
        in.asCharBuffer().get(chars);
        in.position(in.position() + length * Character.BYTES);
        parts.add(new String(chars));
      }
      if (!in.hasRemaining()
          && parts.size() == positionSize + 1
          && parts.get(0).equals(expectedScope)) {
        return List.copyOf(parts.subList(1, parts.size()));
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
  }
}
