package dev.cognitosyncmock.options;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of the mock, defined once: every surface (flags, environment variables, builders, the
 * JUnit extension, the container) and the docs tables are derived from it.
 *
 * @param name the Java name: the typed builder method and {@code CognitoSyncContainer.with<Name>}
 * @param flag the standalone server's flag, {@code --kebab-case} of the name
 * @param env the environment variable, {@code COGNITO_SYNC_MOCK_} and the name in upper snake case
 * @param type how values are written and checked
 * @param defaultValue the standalone server's default, or null for none
 * @param inProcessDefault the in-process (builder, JUnit) default where it differs, else the same
 * @param defaultText how docs and help show the default
 * @param meaning one line for help and docs
 * @param notApplicable surfaces the option does not apply to, with the reason
 */
public record Option<T>(
    String name,
    String flag,
    String env,
    ValueType<T> type,
    T defaultValue,
    T inProcessDefault,
    String defaultText,
    String meaning,
    Map<Surface, String> notApplicable) {

  /**
   * An option as described above.
   *
   * @param name the Java name
   * @param flag the standalone server's flag
   * @param env the environment variable
   * @param type how values are written and checked
   * @param defaultValue the standalone server's default, or null
   * @param inProcessDefault the in-process default, or null
   * @param defaultText how docs and help show the default
   * @param meaning one line for help and docs
   * @param notApplicable surfaces the option does not apply to, with the reason
   * @throws NullPointerException if name, type or meaning is null
   */
  public Option {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(meaning);
    notApplicable =
        Collections.unmodifiableMap(
            notApplicable.isEmpty() ? new EnumMap<>(Surface.class) : new EnumMap<>(notApplicable));
  }

  /** An option with its flag and variable named after it and no default. */
  static <T> Option<T> of(String name, ValueType<T> type, String meaning) {
    String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return new Option<>(
        name,
        "--" + kebab,
        "COGNITO_SYNC_MOCK_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT),
        type,
        null,
        null,
        "none",
        meaning,
        Map.of());
  }

  /** The same option under a flag and variable not derived from its name (kept for users). */
  Option<T> flagged(String newFlag, String newEnv) {
    return new Option<>(
        name,
        newFlag,
        newEnv,
        type,
        defaultValue,
        inProcessDefault,
        defaultText,
        meaning,
        notApplicable);
  }

  Option<T> defaultsTo(T value) {
    return new Option<>(
        name, flag, env, type, value, value, type.format(value), meaning, notApplicable);
  }

  Option<T> inProcessDefault(T value, String text) {
    return new Option<>(name, flag, env, type, defaultValue, value, text, meaning, notApplicable);
  }

  Option<T> defaultText(String text) {
    return new Option<>(
        name, flag, env, type, defaultValue, inProcessDefault, text, meaning, notApplicable);
  }

  Option<T> notFor(Surface surface, String reason) {
    Map<Surface, String> na = new EnumMap<>(Surface.class);
    na.putAll(notApplicable);
    na.put(surface, reason);
    return new Option<>(
        name, flag, env, type, defaultValue, inProcessDefault, defaultText, meaning, na);
  }

  /**
   * {@return whether the option can be set on {@code surface}}
   *
   * @param surface where options are set
   */
  public boolean appliesTo(Surface surface) {
    return !notApplicable.containsKey(surface);
  }

  /**
   * Why the option cannot be set on a surface.
   *
   * @param surface where options are set
   * @return the reason, or empty when the option applies there
   */
  public Optional<String> whyNot(Surface surface) {
    return Optional.ofNullable(notApplicable.get(surface));
  }

  /**
   * The value a text stands for.
   *
   * @param text the value as written in a flag, variable or annotation
   * @param source where the text came from, named in the message of an error
   * @return the value
   * @throws InvalidOptionException naming the option if the text is not a valid value
   */
  public T parse(String text, String source) {
    try {
      return type.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          this, "invalid value '" + text + "' for " + source + ": " + e.getMessage());
    }
  }

  /**
   * Checks a Java value the way its text form would be checked.
   *
   * @param value the value
   * @return the value, normalised as its text form would parse
   * @throws InvalidOptionException naming the option if the value is out of range
   */
  public T check(T value) {
    try {
      return type.check(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          this, "invalid value '" + value + "' for " + name + ": " + e.getMessage());
    }
  }

  /**
   * {@return the text form of {@code value}, as a flag would take it}
   *
   * @param value the value
   */
  public String format(T value) {
    return type.format(value);
  }

  @Override
  public String toString() {
    return flag;
  }
}
