package dev.cognitosyncmock.doctests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The doc-test harness itself: markers are read as docs/contributing.md says, and a marked block
 * that fails fails with its file and line.
 */
class HarnessTest {

  private static CodeBlock only(String... lines) {
    List<CodeBlock> blocks = MarkdownBlocks.parse("DOC.md", List.of(lines));
    assertThat(blocks).hasSize(1);
    return blocks.get(0);
  }

  private static void run(CodeBlock block) throws Exception {
    RunnableBlocksTest.run(block, Sandbox.create("harness"), RunnableBlocksTest.repositoryRoot());
  }

  @Test
  @DisplayName(
      "a marker on the last non-blank line before the fence makes the block runnable, with options")
  void readsMarkers() {
    CodeBlock block =
        only(
            "text",
            "<!-- doctest: needs=aws fails-with=Conflict -->",
            "",
            "```sh",
            "echo hi",
            "```");
    assertThat(block.runnable()).isTrue();
    assertThat(block.line()).isEqualTo(4);
    assertThat(block.language()).isEqualTo("sh");
    assertThat(block.options())
        .containsEntry("needs", "aws")
        .containsEntry("fails-with", "Conflict");
    assertThat(block.body()).isEqualTo("echo hi\n");
    assertThat(only("<!-- doctest -->", "text between", "```sh", "x", "```").runnable()).isFalse();
    assertThat(only("```java", "class A {}", "```").runnable()).isFalse();
  }

  @Test
  @DisplayName("an unknown marker option is an error naming the file and line")
  void unknownOption() {
    assertThatThrownBy(() -> only("<!-- doctest: nedes=aws -->", "```sh", "true", "```"))
        .hasMessageStartingWith("DOC.md:2: unknown doctest option 'nedes'");
  }

  @Test
  @DisplayName(
      "the example port 8080 becomes the started server's port, the container side of -p stays")
  void portSubstitution() {
    assertThat(
            ShellBlockRunner.withPort(
                "curl localhost:8080/x http://127.0.0.1:8080 --port 8080 --port=8080 -p 8080:8080 18080 "
                    + "COGNITO_SYNC_MOCK_PORT=8080 80800",
                4321))
        .isEqualTo(
            "curl localhost:4321/x http://127.0.0.1:4321 --port 4321 --port=4321 -p 4321:8080 18080 "
                + "COGNITO_SYNC_MOCK_PORT=4321 80800");
  }

  @Test
  @DisplayName("a Java block that does not compile fails with the Markdown line of the error")
  void javaCompileError() {
    CodeBlock block =
        only("<!-- doctest -->", "```java", "class Broken {", "  Strin s;", "}", "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: the Java block does not compile")
        .hasMessageContaining("DOC.md:4: cannot find symbol");
  }

  @Test
  @DisplayName("a failing JUnit test in a Java block fails it")
  void javaTestFailure() {
    CodeBlock block =
        only(
            "<!-- doctest -->",
            "```java",
            "import org.junit.jupiter.api.Test;",
            "class FailingBlockTest {",
            "  @Test void fails() { throw new AssertionError(\"boom\"); }",
            "}",
            "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: FailingBlockTest: 0 of 1 tests passed")
        .hasMessageContaining("boom");
  }

  @Test
  @DisplayName("a Java block with neither a test nor a main method has nothing to run")
  void javaNothingToRun() {
    CodeBlock block = only("<!-- doctest -->", "```java", "class Idle {}", "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageContaining("DOC.md:2: Idle has neither a JUnit test nor a main");
  }

  @Test
  @DisplayName(
      "an annotation block with a fault the operation cannot raise fails (faults: modeled errors only)")
  void annotationRejected() {
    CodeBlock block =
        only(
            "<!-- doctest: annotation -->",
            "```java",
            "@CognitoSyncFault(operation = \"ListRecords\", error = \"ResourceConflictException\")",
            "```");
    assertThatThrownBy(() -> run(block)).hasMessageStartingWith("DOC.md:2: ");
  }

  @Test
  @DisplayName("a shell block that exits non-zero fails with its output")
  void shellFailure() {
    CodeBlock block =
        only("<!-- doctest -->", "```sh", "echo before", "false", "echo after", "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: the shell block exited with 1")
        .hasMessageContaining("before")
        .hasMessageNotContaining("after");
  }

  @Test
  @DisplayName("curl in a shell block fails on an HTTP error answer from the started mock")
  void curlHttpError() throws Exception {
    run(only("<!-- doctest -->", "```sh", "curl -s localhost:8080/__admin/health", "```"));
    CodeBlock block =
        only(
            "<!-- doctest -->",
            "```sh",
            "curl -s -X POST localhost:8080/__admin/cognito-sync/merges -d '{\"IdentityPoolId\": \"us-east-1:1\","
                + " \"SurvivorIdentityId\": \"us-east-1:2\", \"AbsorbedIdentityId\": \"us-east-1:3\"}'",
            "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: the shell block exited with 22");
  }

  @Test
  @DisplayName("fails-with passes only on a non-zero exit with the text in the output")
  void failsWith() throws Exception {
    run(only("<!-- doctest: fails-with=Conflict -->", "```sh", "echo Conflict; exit 3", "```"));
    assertThatThrownBy(
            () ->
                run(only("<!-- doctest: fails-with=Conflict -->", "```sh", "echo Conflict", "```")))
        .hasMessageStartingWith("DOC.md:2: expected a non-zero exit");
  }

  @Test
  @DisplayName("a posted document the mock refuses fails the block")
  void postRefused() {
    CodeBlock block =
        only(
            "<!-- doctest: post=/__admin/cognito-sync/faults -->",
            "```json",
            "{\"match\": {\"operation\": \"NoSuchOperation\"}, \"action\": {\"error\": \"TooManyRequestsException\"}}",
            "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: POST /__admin/cognito-sync/faults answered 400");
  }

  @Test
  @DisplayName("a dependency block must name the versions the doc tests use")
  void dependencyVersions() {
    CodeBlock block =
        only(
            "<!-- doctest: dependencies -->",
            "```xml",
            "<dependency><groupId>org.assertj</groupId>"
                + "<artifactId>assertj-core</artifactId><version>1.0.0</version></dependency>",
            "```");
    assertThatThrownBy(() -> run(block))
        .hasMessageStartingWith("DOC.md:2: org.assertj:assertj-core:1.0.0 is not");
  }
}
