package dev.cognitosyncmock.options;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How an option's value is written as text (a flag, an environment variable, an annotation
 * attribute) and checked. {@link #parse} refuses a bad value with an {@link
 * IllegalArgumentException} whose message is the reason alone ("not a port (0-65535)"), so that
 * each surface can name the flag, variable or attribute itself.
 *
 * @param label what the value is, for help texts ({@code PORT}, {@code DURATION}, ...)
 * @param javaType the value's Java type, the parameter type of typed builder methods
 * @param parser turns text into a value, or throws with the reason
 * @param formatter turns a value into text
 * @param candidates the allowed values of an enumeration, else empty
 */
public record ValueType<T>(
    String label,
    Class<T> javaType,
    Function<String, T> parser,
    Function<T, String> formatter,
    List<String> candidates) {

  /** {@code true} or {@code false}, in any case. */
  public static final ValueType<Boolean> BOOLEAN =
      new ValueType<>(
          "BOOLEAN", Boolean.class, ValueType::bool, String::valueOf, List.of("true", "false"));

  /** A TCP port, 0-65535. */
  public static final ValueType<Integer> PORT =
      new ValueType<>(
          "PORT",
          Integer.class,
          s -> range(s, 0, 65535, "not a port (0-65535)"),
          String::valueOf,
          List.of());

  /** A whole number, 0 or more. */
  public static final ValueType<Integer> COUNT =
      new ValueType<>(
          "N",
          Integer.class,
          s -> range(s, 0, Integer.MAX_VALUE, "not a whole number of 0 or more"),
          String::valueOf,
          List.of());

  /** A size in bytes, at least 1. */
  public static final ValueType<Integer> BYTES =
      new ValueType<>(
          "BYTES",
          Integer.class,
          s -> range(s, 1, Integer.MAX_VALUE, "not a number of bytes of 1 or more"),
          String::valueOf,
          List.of());

  /** Any text but the empty one. */
  public static final ValueType<String> TEXT =
      new ValueType<>("TEXT", String.class, ValueType::text, s -> s, List.of());

  /** A host name or IP address to bind. */
  public static final ValueType<String> ADDRESS =
      new ValueType<>("ADDRESS", String.class, ValueType::text, s -> s, List.of());

  /** A duration longer than zero: ISO-8601 ({@code PT15M}) or whole seconds ({@code 900}). */
  public static final ValueType<Duration> DURATION =
      new ValueType<>(
          "DURATION", Duration.class, ValueType::positiveDuration, Duration::toString, List.of());

  /** A path to a file. */
  public static final ValueType<Path> FILE =
      new ValueType<>("FILE", Path.class, ValueType::path, Path::toString, List.of());

  /** A path to a directory. */
  public static final ValueType<Path> DIRECTORY =
      new ValueType<>("DIR", Path.class, ValueType::path, Path::toString, List.of());

  /** An http or https URL with a host. */
  public static final ValueType<URI> URL =
      new ValueType<>("URL", URI.class, ValueType::url, URI::toString, List.of());

  /** One of the {@link LogLevel}s, in any case. */
  public static final ValueType<LogLevel> LOG_LEVEL =
      new ValueType<>(
          "LEVEL", LogLevel.class, LogLevel::parse, LogLevel::toString, LogLevel.names());

  /**
   * A value type as described above.
   *
   * @param label what the value is, for help texts
   * @param javaType the value's Java type
   * @param parser turns text into a value, or throws an {@link IllegalArgumentException} with the
   *     reason
   * @param formatter turns a value into text
   * @param candidates the allowed values of an enumeration, else empty
   * @throws NullPointerException if a component but the candidates is null
   */
  public ValueType {
    Objects.requireNonNull(label);
    Objects.requireNonNull(javaType);
    Objects.requireNonNull(parser);
    Objects.requireNonNull(formatter);
    candidates = List.copyOf(candidates);
  }

  /**
   * The value a text stands for; surrounding blanks are ignored.
   *
   * @param text the value as written
   * @return the value
   * @throws IllegalArgumentException whose message is the reason alone, if the text is not valid
   */
  public T parse(String text) {
    return parser.apply(Objects.requireNonNull(text).strip());
  }

  /**
   * {@return the text form of {@code value}}
   *
   * @param value the value
   */
  public String format(T value) {
    return formatter.apply(value);
  }

  /**
   * Checks a value given in Java the way its text would be checked.
   *
   * @param value the value, not null
   * @return the value, normalised as its text form would parse
   * @throws IllegalArgumentException whose message is the reason alone, if the value is not valid
   */
  public T check(T value) {
    return parse(format(Objects.requireNonNull(value)));
  }

  /**
   * The one duration syntax of every surface: ISO-8601 ({@code PT15M}, {@code PT0.5S}) or whole
   * seconds ({@code 900}).
   *
   * @param text the duration as written
   * @return the duration, which may be zero or negative
   * @throws IllegalArgumentException if the text is neither syntax
   */
  public static Duration duration(String text) {
    String s = text.strip();
    try {
      return s.matches("\\d{1,12}")
          ? Duration.ofSeconds(Long.parseLong(s))
          : Duration.parse(s.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a duration: give ISO-8601 (PT15M) or whole seconds (900)");
    }
  }

  private static Duration positiveDuration(String text) {
    Duration d = duration(text);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return d;
  }

  private static Boolean bool(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not true or false");
    };
  }

  private static Integer range(String s, int min, int max, String reason) {
    try {
      long v = Long.parseLong(s);
      if (v >= min && v <= max) {
        return (int) v;
      }
    } catch (NumberFormatException e) {
      // the reason below says what is expected
    }
    throw new IllegalArgumentException(reason);
  }

  private static String text(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return s;
  }

  private static Path path(String s) {
    try {
      return Path.of(text(s));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a path: " + e.getReason());
    }
  }

  private static URI url(String s) {
    try {
      URI uri = new URI(text(s));
      if (uri.getHost() != null
          && uri.getScheme() != null
          && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // the reason below says what is expected
    }
    throw new IllegalArgumentException("not an http or https URL with a host");
  }

  /** The server's log levels, from least to most verbose. */
  public enum LogLevel {
    /** Start-up failures and errors only. */
    ERROR,
    /** Also warnings. */
    WARN,
    /** Also start-up and shutdown; the default. */
    INFO,
    /** Everything. */
    DEBUG;

    static LogLevel parse(String s) {
      String name = s.toUpperCase(Locale.ROOT);
      for (LogLevel l : values()) {
        if (l.name().equals(name)) {
          return l;
        }
      }
      throw new IllegalArgumentException("not one of " + String.join(", ", names()));
    }

    static List<String> names() {
      return java.util.Arrays.stream(values()).map(LogLevel::toString).toList();
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
