package dev.cognitosyncmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault documents are strict: a value of the wrong type is refused, naming the member. */
class FaultDocumentsStrictnessTest {
  static List<FaultRule> read(String json) {
    return FaultJson.readRules(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingTheMember() {
    assertThatThrownBy(
            () -> read("{\"trigger\": {\"nthCall\": \"2\"}, \"action\": {\"delay\": 1}}"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessage("nthCall must be an integer");
    assertThatThrownBy(() -> read("{\"trigger\": {\"nthCall\": 1.5}, \"action\": {\"delay\": 1}}"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessage("nthCall must be an integer");
    assertThatThrownBy(() -> read("{\"action\": {\"conflict\": {\"values\": {\"k\": 1}}}}"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("k must be a string");
    assertThatThrownBy(
            () ->
                read(
                    "{\"action\": {\"rateLimit\": {\"perSecond\": 1, \"burst\": 2,"
                        + " \"pre\": \"rule\"}}}"))
        .hasMessageContaining("Unknown member 'pre' in rateLimit");
    assertThatThrownBy(() -> read("{\"action\": {\"conflict\": false}}"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("conflict");
    assertThatThrownBy(() -> read("{\"action\": 5}"))
        .hasMessage("An action must be a JSON object, got 5");
  }

  @Test
  void theShorthandsReadAsTheirLongForms() {
    assertThat(read("{\"action\": {\"delay\": 500}}").get(0).action())
        .isEqualTo(read("{\"action\": {\"delay\": {\"fixedMs\": 500}}}").get(0).action())
        .isEqualTo(FaultAction.delay(Duration.ofMillis(500)));
    assertThat(read("{\"action\": {\"conflict\": true}}").get(0).action())
        .isEqualTo(read("{\"action\": {\"conflict\": {}}}").get(0).action());
  }
}
