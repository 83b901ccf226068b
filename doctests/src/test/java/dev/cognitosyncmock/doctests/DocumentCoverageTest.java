package dev.cognitosyncmock.doctests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's quick starts are doc tests, and so are most of its code blocks. */
class DocumentCoverageTest {

  private static List<CodeBlock> readme() {
    return MarkdownBlocks.read(RunnableBlocksTest.repositoryRoot(), "README.md");
  }

  @Test
  @DisplayName(
      "the JUnit, in-process and Testcontainers quick starts of README.md are marked runnable")
  void quickStartsAreRunnable() {
    List<String> quickStarts =
        List.of("@CognitoSyncTest", "CognitoSyncServer.builder()", "new CognitoSyncContainer()");
    for (String marker : quickStarts) {
      assertThat(readme())
          .filteredOn(b -> b.isJava() && b.body().contains(marker))
          .as("README.md Java blocks using %s", marker)
          .isNotEmpty()
          .allMatch(CodeBlock::runnable);
    }
  }

  @Test
  @DisplayName(
      "at least three quarters of the README's Java, XML, JSON and shell blocks are runnable")
  void mostBlocksAreRunnable() {
    List<CodeBlock> code =
        readme().stream()
            .filter(b -> List.of("java", "xml", "json", "sh", "bash").contains(b.language()))
            .toList();
    List<String> notRunnable = new ArrayList<>();
    code.stream().filter(b -> !b.runnable()).forEach(b -> notRunnable.add(b.location()));
    System.out.println(
        "README.md: "
            + (code.size() - notRunnable.size())
            + " of "
            + code.size()
            + " code blocks are doc tests; not run: "
            + notRunnable);
    assertThat(code.size() - notRunnable.size()).isGreaterThanOrEqualTo(code.size() * 3 / 4);
  }
}
