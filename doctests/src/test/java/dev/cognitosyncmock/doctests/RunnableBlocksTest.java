package dev.cognitosyncmock.doctests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The doc tests: every code block of README.md and docs/*.md marked {@code <!-- doctest -->} runs,
 * file by file in document order, and a failing one fails the build with its file and line
 * (docs/contributing.md describes the markers).
 */
class RunnableBlocksTest {

  static Path repositoryRoot() {
    return Path.of(System.getProperty("cognitosyncmock.repository.root", ".."))
        .toAbsolutePath()
        .normalize();
  }

  /** README.md, then docs/*.md in name order. */
  static List<String> documents() throws IOException {
    List<String> files = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> docs = Files.list(repositoryRoot().resolve("docs"))) {
      docs.map(p -> "docs/" + p.getFileName())
          .filter(n -> n.endsWith(".md"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  @TestFactory
  Stream<DynamicNode> markedBlocksRunAsPrinted() throws IOException {
    Path root = repositoryRoot();
    List<DynamicNode> perFile = new ArrayList<>();
    for (String file : documents()) {
      List<CodeBlock> runnable =
          MarkdownBlocks.read(root, file).stream().filter(CodeBlock::runnable).toList();
      if (runnable.isEmpty()) {
        continue;
      }
      Sandbox sandbox = Sandbox.create(file);
      perFile.add(
          DynamicContainer.dynamicContainer(
              file,
              runnable.stream()
                  .map(
                      block ->
                          DynamicTest.dynamicTest(
                              block.location() + " (" + describe(block) + ")",
                              () -> run(block, sandbox, root)))));
    }
    return perFile.stream();
  }

  private static String describe(CodeBlock block) {
    String language = block.language().isEmpty() ? "text" : block.language();
    StringBuilder s = new StringBuilder(language);
    block
        .options()
        .forEach(
            (name, value) -> s.append(' ').append(name).append(value.isEmpty() ? "" : "=" + value));
    return s.toString();
  }

  static void run(CodeBlock block, Sandbox sandbox, Path root) throws Exception {
    Requirements.check(block);
    block.option("file").ifPresent(path -> sandbox.write(path, block.body()));
    if (block.has("dependencies")) {
      DependencyBlockCheck.run(block);
    } else if (block.has("post")) {
      PostBlockRunner.run(block);
    } else if (block.isJava()) {
      new JavaBlockRunner(sandbox).run(block);
    } else if (block.isShell()) {
      new ShellBlockRunner(sandbox, root).run(block);
    } else if (!block.has("file")) {
      throw new AssertionError(
          block.location()
              + ": a '"
              + block.language()
              + "' block marked doctest"
              + " needs file=, post= or dependencies (see docs/contributing.md)");
    }
  }
}
