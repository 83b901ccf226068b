package dev.cognitosyncmock.protocol;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON document, in the terms of whoever wrote it: "unexpected end of input at
 * line 1, column 20", "expected a list at identityPools[0].identities". Jackson's own messages name
 * its classes, features and Java types ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, {@code
 * java.util.ArrayList<...>}); none of that reaches a caller.
 */
public final class JsonProblem {
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("Unexpected character \\((.*?) \\(code (\\d+)\\)\\)(?:: (.*))?");
  private static final Pattern CODE =
      Pattern.compile(" ?\\(code \\d+\\)|\\(CTRL-CHAR, code \\d+\\)");
  private static final Pattern INTERNAL =
      Pattern.compile(
          "`|Feature|java\\.|tools\\.jackson|jackson|JsonToken|JsonNode|StreamRead"
              + "|\\$|\\b[A-Z][a-z]+[A-Z]\\w*Exception\\b");

  private JsonProblem() {}

  /** One line: what is wrong, then where (a member path, or a line and column). */
  public static String describe(JacksonException e) {
    return printable(what(e)) + where(e);
  }

  /**
   * Jackson quotes the caller's bytes ("unrecognized token '...'"); a backtick or control character
   * copied from them would garble the logs and terminals that show the message, so those become
   * code points.
   */
  private static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '`' || Character.isISOControl(c)) {
                b.append(String.format("U+%04X", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  private static String what(JacksonException e) {
    String original = firstLine(e.getOriginalMessage());
    if (e instanceof UnexpectedEndOfInputException
        || original.startsWith("Unexpected end-of-input")) {
      return "the JSON ends before its value is complete";
    }
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return "the JSON nests deeper than its limit of 64 levels";
      }
      if (original.contains("Number value length")) {
        return "a number has more digits than allowed";
      }
      if (original.contains("String value length")) {
        return "a string is longer than allowed";
      }
      return "the JSON exceeds a size limit";
    }
    if (e instanceof InputCoercionException) {
      return "a number is out of range for its member";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown member '" + u.getPropertyName() + "'";
    }
    if (e instanceof InvalidFormatException f) {
      return "the value " + shown(f.getValue()) + " is not " + expected(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      if (original.startsWith("Trailing token")) {
        return "there is more than one JSON value (only whitespace may follow the first)";
      }
      if (original.contains("No content to map") || original.contains("empty content")) {
        return "the document is empty";
      }
      return "expected " + expected(m.getTargetType());
    }
    if (original.startsWith("Non-standard token")) {
      return "NaN and Infinity are not JSON numbers";
    }
    if (original.startsWith("Invalid UTF-8") || original.contains("Invalid UTF-8")) {
      return "the text is not valid UTF-8";
    }
    if (original.startsWith("Illegal unquoted character")) {
      return "a control character inside a string must be escaped";
    }
    if (original.startsWith("Trailing token")) {
      return "there is more than one JSON value (only whitespace may follow the first)";
    }
    Matcher unexpected = UNEXPECTED_CHARACTER.matcher(original);
    if (unexpected.matches()) {
      String rest = unexpected.group(3);
      return "unexpected character "
          + character(Integer.parseInt(unexpected.group(2)))
          + (rest == null || INTERNAL.matcher(rest).find()
              ? ""
              : ": " + rest.replace("was expecting", "expected"));
    }
    String cleaned = CODE.matcher(original).replaceAll("");
    int colon = cleaned.indexOf(':');
    if (INTERNAL.matcher(cleaned).find()) {
      // keep Jackson's own first clause when it is plain; drop what names internals
      String head = colon < 0 ? "" : cleaned.substring(0, colon);
      return head.isEmpty() || INTERNAL.matcher(head).find()
          ? "the JSON is malformed"
          : lowerFirst(head);
    }
    return lowerFirst(cleaned.replace("was expecting", "expected"));
  }

  /** " at identityPools[0].identities" for a member, else " at line L, column C". */
  private static String where(JacksonException e) {
    List<JacksonException.Reference> path = e.getPath();
    if (path != null && !path.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (JacksonException.Reference r : path) {
        if (r.getPropertyName() != null) {
          if (!b.isEmpty()) {
            b.append('.');
          }
          b.append(r.getPropertyName());
        } else if (r.getIndex() >= 0) {
          b.append('[').append(r.getIndex()).append(']');
        }
      }
      if (!b.isEmpty()) {
        return " at " + b;
      }
    }
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return "";
  }

  /** A JSON kind in the document's terms, never a Java type. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
      return type == Double.class
              || type == Float.class
              || type == double.class
              || type == float.class
          ? "a number"
          : "an integer";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a timestamp (ISO-8601 text such as 2024-01-31T12:00:00Z, or epoch seconds)";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "an object";
  }

  /** A character of the caller's document: quoted when plain printable ASCII, else a code point. */
  private static String character(int code) {
    return code > 0x20 && code < 0x7f && code != '`'
        ? "'" + (char) code + "'"
        : String.format("U+%04X", code);
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
