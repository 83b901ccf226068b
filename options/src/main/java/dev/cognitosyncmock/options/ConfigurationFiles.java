package dev.cognitosyncmock.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the files and opens the directories options name, turning any failure into one {@link
 * InvalidOptionException} line that names the option, the file and the cause: {@code seed file
 * /x/seed.json (--seed-file): no such file}.
 */
public final class ConfigurationFiles {
  private ConfigurationFiles() {}

  /**
   * Reads the file an option names.
   *
   * @param <T> what the file is read into
   * @param option the option naming the file
   * @param options where its value is taken from
   * @param reader reads the file
   * @return what {@code reader} returns
   * @throws InvalidOptionException naming the option, the file and the cause, if reading fails
   */
  public static <T> T read(
      Option<Path> option, CognitoSyncOptions options, Function<Path, T> reader) {
    return open(option, options.get(option), reader);
  }

  /**
   * Opens the file or directory an option names.
   *
   * @param <T> what the path is opened into
   * @param option the option whose value {@code path} is
   * @param path the file or directory
   * @param opener opens it
   * @return what {@code opener} returns
   * @throws InvalidOptionException naming the option, the path and the cause, if opening fails
   */
  public static <T> T open(Option<Path> option, Path path, Function<Path, T> opener) {
    try {
      return opener.apply(path);
    } catch (InvalidOptionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidOptionException(
          option, describe(option) + " " + path + " (" + option.flag() + "): " + cause(e), e);
    }
  }

  /**
   * {@return how messages name what an option points at: "seed file" for {@code seedFile}}
   *
   * @param option the option
   */
  public static String describe(Option<?> option) {
    return option.name().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the cause of a failure in words, without exception class names users need not see}
   *
   * @param e the failure
   */
  public static String cause(Throwable e) {
    Throwable t = e;
    while (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (t instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    if (t instanceof IOException && t.getMessage() != null) {
      return t.getMessage();
    }
    String message = t.getMessage();
    return message == null || message.isBlank()
        ? t.getClass().getSimpleName()
        : InvalidOptionException.oneLine(message);
  }
}
