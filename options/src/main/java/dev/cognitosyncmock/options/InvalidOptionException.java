package dev.cognitosyncmock.options;

/**
 * A configuration the mock cannot start with: a bad value, or a file an option names that is
 * missing or malformed. The message is one line that names the option (and the file).
 */
public class InvalidOptionException extends IllegalArgumentException {
  private final transient Option<?> option;

  /**
   * An error in one option, or in the configuration as a whole.
   *
   * @param option the option at fault, or null for the configuration as a whole
   * @param message what is wrong; line breaks are joined into one line
   */
  public InvalidOptionException(Option<?> option, String message) {
    super(oneLine(message));
    this.option = option;
  }

  /**
   * An error in one option, or in the configuration as a whole, caused by another.
   *
   * @param option the option at fault, or null for the configuration as a whole
   * @param message what is wrong; line breaks are joined into one line
   * @param cause the failure behind it
   */
  public InvalidOptionException(Option<?> option, String message, Throwable cause) {
    super(oneLine(message), cause);
    this.option = option;
  }

  /** {@return the option at fault, or null for an error of the configuration as a whole} */
  public Option<?> option() {
    return option;
  }

  /** Problems read from documents often carry line breaks; one line reads best in a log. */
  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
