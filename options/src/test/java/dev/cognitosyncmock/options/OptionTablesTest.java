package dev.cognitosyncmock.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the README's options table and docker/README.md's variable table list exactly the
 * defined options, each as defined. On a mismatch the message is the table to paste.
 */
class OptionTablesTest {
  static final Path ROOT = Path.of("..");

  @Test
  @DisplayName("issue 13: README.md's options table lists exactly the defined options")
  void readmeTable() throws IOException {
    List<String> expected =
        CognitoSyncOptions.ALL.stream()
            .map(
                o ->
                    "| `"
                        + o.flag()
                        + "` | `"
                        + o.env()
                        + "` | "
                        + o.defaultText()
                        + " | "
                        + o.meaning()
                        + " |")
            .toList();
    assertThat(tableRows(ROOT.resolve("README.md"), "| flag | environment variable |"))
        .as(
            "README.md, section Standalone server options; expected:%n%s",
            String.join("\n", expected))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("issue 13: docker/README.md's variable table lists exactly the defined options")
  void dockerReadmeTable() throws IOException {
    List<String> expected =
        CognitoSyncOptions.ALL.stream()
            .map(
                o ->
                    "| `"
                        + o.env()
                        + "` | `"
                        + o.flag()
                        + "` | "
                        + standaloneDefault(o)
                        + " | "
                        + container(o)
                        + " |")
            .toList();
    assertThat(tableRows(ROOT.resolve("docker/README.md"), "| variable | flag |"))
        .as(
            "docker/README.md, section Environment variables; expected:%n%s",
            String.join("\n", expected))
        .isEqualTo(expected);
  }

  static String standaloneDefault(Option<?> o) {
    return o.defaultValue() != null ? format(o) : o.defaultText();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String format(Option o) {
    return o.format(o.defaultValue());
  }

  /** The typed method of CognitoSyncContainer, or why there is none. */
  static String container(Option<?> o) {
    return o.whyNot(Surface.CONTAINER)
        .map(why -> "none: " + why)
        .orElseGet(
            () ->
                "`with"
                    + Character.toUpperCase(o.name().charAt(0))
                    + o.name().substring(1)
                    + "("
                    + o.type()
                        .javaType()
                        .getSimpleName()
                        .replace("Integer", "int")
                        .replace("Boolean", "boolean")
                    + ")`");
  }

  /** The rows of the table whose header starts with {@code header}, the header excluded. */
  static List<String> tableRows(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).toLowerCase(Locale.ROOT).startsWith(header)) {
        start = i + 2; // after the header and its | --- | line
        break;
      }
    }
    assertThat(start).as("a table starting with '%s' in %s", header, file).isPositive();
    return lines.subList(start, lines.size()).stream()
        .takeWhile(l -> l.startsWith("|"))
        .map(String::strip)
        .collect(Collectors.toList());
  }
}
