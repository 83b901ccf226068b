package dev.cognitosyncmock.doctests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fenced code blocks of a Markdown file, and the {@code <!-- doctest ... -->} marker that
 * makes one runnable (the marker is an HTML comment on the last non-blank line before the fence, so
 * it does not show when the file is rendered).
 */
final class MarkdownBlocks {

  /** Every option a marker may carry; docs/contributing.md says what each one does. */
  static final Set<String> OPTIONS =
      Set.of(
          "file",
          "post",
          "annotation",
          "dependencies",
          "background",
          "repo",
          "no-server",
          "fails-with",
          "needs");

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)\\s*([^\\s`]*)(.*)$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doctest\\b(.*?)-->\\s*$");

  private MarkdownBlocks() {}

  static List<CodeBlock> read(Path root, String relativeFile) {
    try {
      return parse(relativeFile, Files.readAllLines(root.resolve(relativeFile)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CodeBlock> parse(String file, List<String> lines) {
    List<CodeBlock> blocks = new ArrayList<>();
    String lastNonBlank = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        if (!lines.get(i).isBlank()) {
          lastNonBlank = lines.get(i);
        }
        continue;
      }
      String fence = open.group(1);
      int start = i;
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().startsWith(fence); i++) {
        body.append(lines.get(i)).append('\n');
      }
      if (i == lines.size()) {
        throw new IllegalStateException(file + ":" + (start + 1) + ": code block never closed");
      }
      Matcher marker = MARKER.matcher(lastNonBlank);
      boolean runnable = marker.matches();
      Map<String, String> options = runnable ? options(file, start + 1, marker.group(1)) : Map.of();
      blocks.add(
          new CodeBlock(
              file, start + 1, open.group(2).toLowerCase(), runnable, options, body.toString()));
      lastNonBlank = "";
    }
    return blocks;
  }

  /**
   * {@code <!-- doctest: file=src/test/resources/seed.json -->}: options after an optional colon.
   */
  private static Map<String, String> options(String file, int line, String text) {
    String rest = text.strip();
    if (rest.startsWith(":")) {
      rest = rest.substring(1).strip();
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String word : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      if (!OPTIONS.contains(name)) {
        throw new IllegalStateException(
            file
                + ":"
                + line
                + ": unknown doctest option '"
                + name
                + "' (known: "
                + String.join(", ", OPTIONS.stream().sorted().toList())
                + "; see docs/contributing.md)");
      }
      options.put(name, eq < 0 ? "" : word.substring(eq + 1));
    }
    return options;
  }
}
