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

  static Scenario scenario(String steps) {
    return ScenarioJson.readScenario(
        ("{\"steps\": " + steps + "}").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aScenarioStepIsBoundStrictlyAndItsMessagesNameTheStep() {
    assertThatThrownBy(() -> scenario("[{\"operation\": \"ListRecords\", \"stauts\": 200}]"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageStartingWith("Step 1: Unknown member 'stauts' in scenario step");
    assertThatThrownBy(() -> scenario("[{\"operation\": \"ListRecords\"}, {\"status\": 200}]"))
        .hasMessage("Scenario step 2 needs an operation");
    assertThatThrownBy(
            () ->
                scenario(
                    "[{\"step\": 4, \"operation\": \"ListRecords\","
                        + " \"connectionFault\": \"BROKEN\"}]"))
        .hasMessage("Step 4: unknown connectionFault BROKEN");
    assertThatThrownBy(() -> scenario("[{\"operation\": \"ListRecords\", \"status\": \"200\"}]"))
        .hasMessage("Step 1: status must be an integer");
    assertThatThrownBy(
            () -> scenario("[{\"operation\": \"ListRecords\", \"fault\": {\"delay\": \"x\"}}]"))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageStartingWith("Step 1: ");
  }

  @Test
  void aScenarioStepNumbersByPositionAndReadsShorthandsAndConnectionFaultsInAnyCase() {
    Scenario read =
        scenario(
            "[{\"operation\": \"ListRecords\"},"
                + " {\"operation\": \"UpdateRecords\", \"fault\": {\"delay\": 500},"
                + " \"connectionFault\": \"empty_response\"}]");
    assertThat(read.steps()).extracting(ScenarioStep::step).containsExactly(1, 2);
    assertThat(read.steps().get(1).fault()).isEqualTo(FaultAction.delay(Duration.ofMillis(500)));
    assertThat(read.steps().get(1).connectionFault())
        .isEqualTo(dev.cognitosyncmock.protocol.ConnectionFault.EMPTY_RESPONSE);
    assertThat(ScenarioJson.write(read).get("steps").get(0).has("request")).isFalse();
    assertThat(ScenarioJson.readScenario(ScenarioJson.scenarioFile(read))).isEqualTo(read);
  }
}
