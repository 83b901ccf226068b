package dev.cognitosyncmock.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 3986 percent-decoding of path segments and query parameters. Strict: a broken escape or
 * bytes that are not UTF-8 are the caller's error, answered as InvalidParameterException.
 */
final class PercentDecoding {
  private PercentDecoding() {
  }

  static List<String> pathSegments(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      segments.add(decode(s, false));
    }
    return segments;
  }

  /** Query parameters in order; a name given twice keeps its first value. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw Router.invalidPath("Malformed percent-encoding in: " + s);
        }
        out.write(hi * 16 + lo);
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
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw Router.invalidPath("Percent-encoded bytes are not UTF-8 in: " + s);
    }
  }
}
