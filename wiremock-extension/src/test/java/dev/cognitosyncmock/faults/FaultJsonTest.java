package dev.cognitosyncmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.protocol.ConnectionFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON forms of rules and scenarios: what is written reads back the same; typos are refused.
 */
class FaultJsonTest {

  static List<FaultRule> read(String json) {
    return FaultJson.readRules(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyTriggerAndActionReadsBackAsWritten() {
    Map<String, String> values = new HashMap<>();
    values.put("theme", "light");
    values.put("gone", null);
    List<FaultRule> rules =
        List.of(
            FaultRule.on("UpdateRecords")
                .id("a")
                .description("d")
                .identityPool("p")
                .identity("i")
                .dataset("s")
                .recordKey("k")
                .nthCall(2)
                .error(ErrorShape.TooManyRequestsException),
            FaultRule.on("ListRecords")
                .id("b")
                .firstCalls(3)
                .error(ErrorShape.InternalErrorException, "boom"),
            FaultRule.anyOperation().id("c").everyNthCall(4).delay(Duration.ofMillis(10)),
            FaultRule.on("ListRecords")
                .id("d")
                .probability(0.25, 9)
                .delay(Duration.ofMillis(5), Duration.ofMillis(50), 3),
            FaultRule.on("ListRecords")
                .id("e")
                .window(Instant.parse("2024-01-01T00:00:00Z"), null)
                .rateLimit(2.5, 3, FaultAction.RateLimit.Per.IDENTITY),
            FaultRule.on("UpdateRecords")
                .id("f")
                .during(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .action(new FaultAction.Conflict(values, null, "tablet")),
            FaultRule.on("UpdateRecords").id("g").conflict(),
            FaultRule.on("DescribeDataset")
                .id("h")
                .connectionFault(ConnectionFault.RANDOM_DATA_THEN_CLOSE, true));
    for (FaultRule rule : rules) {
      String json = FaultJson.write(rule).toString();
      assertThat(read(json)).as(json).containsExactly(rule);
    }
  }

  @Test
  void aRuleNeedsOnlyAnAction() {
    FaultRule rule = read("{\"action\": {\"error\": \"InternalErrorException\"}}").get(0);
    assertThat(rule.match()).isEqualTo(FaultMatch.ANY);
    assertThat(rule.trigger()).isEqualTo(FaultTrigger.always());
    assertThat(read("{\"action\": {\"delay\": 250}}").get(0).action())
        .isEqualTo(FaultAction.delay(Duration.ofMillis(250)));
    assertThat(
            read("{\"action\": {\"conflict\": true}, \"match\": {\"operation\": \"UpdateRecords\"}}")
                .get(0)
                .action())
        .isEqualTo(FaultAction.conflict());
  }

  @Test
  void typosAndImpossibleValuesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> read("{\"acton\": {}}"))
        .hasMessageContaining("Unknown member 'acton'");
    assertThatThrownBy(() -> read("{\"trigger\": {\"nthcall\": 2}, \"action\": {\"delay\": 1}}"))
        .hasMessageContaining("Unknown trigger 'nthcall'");
    assertThatThrownBy(() -> read("{\"trigger\": {\"nthCall\": 0}, \"action\": {\"delay\": 1}}"))
        .hasMessageContaining("nthCall must be at least 1");
    assertThatThrownBy(
            () -> read("{\"trigger\": {\"probability\": 1.5}, \"action\": {\"delay\": 1}}"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> read("{\"action\": {\"error\": \"Throttled\"}}"))
        .hasMessageContaining("Unknown error 'Throttled'");
    assertThatThrownBy(() -> read("{\"action\": {\"rateLimit\": {\"perSecond\": 0}}}"))
        .hasMessageContaining("perSecond must be positive");
    assertThatThrownBy(() -> read("{\"action\": {\"delay\": {\"minMs\": 9, \"maxMs\": 1}}}"))
        .hasMessageContaining("min <= max");
    assertThatThrownBy(() -> read("{\"action\": {\"connectionFault\": \"RESET\"}}"))
        .hasMessageContaining("CONNECTION_RESET_BY_PEER");
    assertThatThrownBy(
            () -> read("{\"action\": {\"error\": \"InternalErrorException\"," + " \"delay\": 1}}"))
        .hasMessageContaining("Unknown member 'delay'");
    assertThatThrownBy(
            () ->
                read(
                    "{\"trigger\": {\"window\": {\"start\": \"2024-01-02T00:00:00Z\","
                        + " \"end\": \"2024-01-01T00:00:00Z\"}}, \"action\": {\"delay\": 1}}"))
        .hasMessageContaining("is not before its end");
    assertThatThrownBy(() -> read("[1]")).isInstanceOf(InvalidFaultException.class);
    assertThatThrownBy(() -> read("")).hasMessageContaining("required");
  }

  @Test
  void aScenarioFileReadsBackAsWritten() {
    Scenario scenario =
        ScenarioJson.readScenario(
            """
        {"name": "s", "description": "two steps",
         "steps": [
           {"step": 1, "operation": "ListRecords", "identityPoolId": "p", "identityId": "i",
            "datasetName": "d", "request": {"LastSyncCount": 0}, "status": 200},
           {"step": 2, "operation": "UpdateRecords", "status": 409,
            "errorType": "ResourceConflictException", "fault": {"conflict": {}},
            "note": "n", "connectionFault": "EMPTY_RESPONSE"}]}"""
                .getBytes(StandardCharsets.UTF_8));
    assertThat(scenario.faultSteps()).containsExactly(2);
    assertThat(ScenarioJson.readScenario(ScenarioJson.scenarioFile(scenario))).isEqualTo(scenario);
    // steps without numbers are numbered in order
    Scenario unnumbered =
        ScenarioJson.readScenario(
            "{\"steps\": [{\"operation\": \"ListRecords\"}, {\"operation\": \"ListDatasets\"}]}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(unnumbered.steps()).extracting(ScenarioStep::step).containsExactly(1, 2);
    assertThatThrownBy(
            () ->
                ScenarioJson.readScenario(
                    "{\"steps\": [{\"step\": 1, \"operation\": \"A\"}, {\"step\": 1, \"operation\": \"B\"}]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> scenario.withFault(7, FaultAction.conflict()))
        .hasMessageContaining("no step 7");
  }
}
