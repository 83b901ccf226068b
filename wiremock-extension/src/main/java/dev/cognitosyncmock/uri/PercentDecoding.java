package dev.cognitosyncmock.uri;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one URL codec: RFC 3986 percent-decoding of path segments and query parameters, and the one
 * query splitter. Serving a request is strict (a broken escape or bytes that are not UTF-8 are the
 * caller's error, answered as InvalidParameterException); recomputing a signature is lenient, as
 * signers are ({@link #decodeLenient}).
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /** The decoded segments of a raw path, strictly. */
  public static List<String> pathSegments(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      segments.add(decode(s, false));
    }
    return segments;
  }

  /** Query parameters in order, strictly decoded; a name given twice keeps its first value. */
  public static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs(rawQuery, s -> decode(s, true))) {
      params.putIfAbsent(pair.getKey(), pair.getValue());
    }
    return params;
  }

  /**
   * Every {@code name=value} pair of a raw query (without the {@code ?}), in order, repeated names
   * included, each part decoded by {@code decoder}; a pair without {@code =} has the value "".
   */
  public static List<Map.Entry<String, String>> pairs(
      String rawQuery, UnaryOperator<String> decoder) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      pairs.add(
          new SimpleImmutableEntry<>(
              decoder.apply(eq < 0 ? pair : pair.substring(0, eq)),
              eq < 0 ? "" : decoder.apply(pair.substring(eq + 1))));
    }
    return pairs;
  }

  /** True when every {@code %} in {@code raw} starts a two-hex-digit escape. */
  public static boolean wellFormed(String raw) {
    if (raw == null) {
      return true;
    }
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (!escapeAt(raw, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Percent-escapes only, leniently: {@code +} stays {@code +} (SigV4 clients send a plus as {@code
   * %2B}) and a {@code %} that starts no escape stays as it is.
   */
  public static String decodeLenient(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%'
          && i + 2 < raw.length
          && Character.digit(raw[i + 1], 16) >= 0
          && Character.digit(raw[i + 2], 16) >= 0) {
        out.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Strict decoding; {@code plusIsSpace} for query parts (form encoding). */
  public static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%') {
        if (!escapeAt(s, i)) {
          throw invalid("Malformed percent-encoding in: " + s);
        }
        out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
        i++;
      } else {
        // copy a run of literal characters, whole code points at a time
        int end = i;
        while (end < s.length() && s.charAt(end) != '%' && !(plusIsSpace && s.charAt(end) == '+')) {
          end++;
        }
        byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i = end;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("Percent-encoded bytes are not UTF-8 in: " + s);
    }
  }

  private static boolean escapeAt(String s, int i) {
    return i + 2 < s.length()
        && Character.digit(s.charAt(i + 1), 16) >= 0
        && Character.digit(s.charAt(i + 2), 16) >= 0;
  }

  private static ServiceException invalid(String message) {
    return new ServiceException(ErrorShape.InvalidParameterException, message);
  }
}
