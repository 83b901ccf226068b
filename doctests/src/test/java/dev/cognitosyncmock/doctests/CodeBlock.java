package dev.cognitosyncmock.doctests;

import java.util.Map;
import java.util.Optional;

/**
 * One fenced code block of a Markdown file.
 *
 * @param file the file, relative to the repository root (as messages print it)
 * @param line the 1-based line of the opening fence
 * @param language the info string's first word ("java", "sh", ...), or "" when none
 * @param runnable whether a {@code <!-- doctest -->} marker stands right before the fence
 * @param options the marker's options: {@code name} or {@code name=value}; a bare name maps to ""
 * @param body the lines between the fences, joined by '\n', ending with '\n'
 */
record CodeBlock(
    String file,
    int line,
    String language,
    boolean runnable,
    Map<String, String> options,
    String body) {

  /** Where the block is, as a build failure names it: {@code README.md:47}. */
  String location() {
    return file + ":" + line;
  }

  boolean has(String option) {
    return options.containsKey(option);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean isJava() {
    return language.equals("java");
  }

  boolean isShell() {
    return language.equals("sh") || language.equals("bash") || language.equals("shell");
  }
}
