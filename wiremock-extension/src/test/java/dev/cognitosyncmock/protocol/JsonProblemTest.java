package dev.cognitosyncmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitosyncmock.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;

/** A1: a malformed body's message names the problem and never copies raw backticks or controls. */
class JsonProblemTest {

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("`", "unexpected character U+0060"),
        Arguments.of("{`", "unexpected character U+0060"),
        Arguments.of("a\u0001", "unrecognized token 'aU+0001'"),
        Arguments.of("[\"\u0001\"]", "a control character inside a string must be escaped"),
        Arguments.of("{]", "unexpected close marker ']'"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void A1_theCallersBytesAreNotCopiedRawIntoTheMessage(String body, String expected) {
    JacksonException e =
        catchThrowableOfType(
            JacksonException.class,
            () -> Json.MAPPER.readTree(body.getBytes(StandardCharsets.UTF_8)));
    String message = JsonProblem.describe(e);
    assertThat(message).startsWith(expected).doesNotContain("`", "code ", "jackson", "\u0001");
    assertThat(message).contains("at line 1, column");
  }
}
