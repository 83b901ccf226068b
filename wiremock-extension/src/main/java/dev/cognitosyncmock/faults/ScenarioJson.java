package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.faults.FaultDocuments.ScenarioDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of scenarios and of their replay, as the admin API and the scenario file use it,
 * with {@link FaultJson}'s strict mapper and messages.
 */
public final class ScenarioJson {
  private static final tools.jackson.databind.json.JsonMapper MAPPER = FaultJson.MAPPER;

  private ScenarioJson() {}

  public static Scenario readScenario(byte[] json) {
    JsonNode root = FaultJson.parse(json);
    if (!root.isObject()) {
      throw new InvalidFaultException("A scenario must be a JSON object, got " + root);
    }
    ScenarioDoc doc = FaultJson.bind(root, ScenarioDoc.class);
    if (doc.steps() == null) {
      throw new InvalidFaultException("A scenario needs a steps array");
    }
    List<ScenarioStep> steps = new ArrayList<>();
    for (JsonNode s : doc.steps()) {
      int index = steps.size() + 1;
      if (!s.isObject()) {
        throw new InvalidFaultException("A scenario step must be a JSON object, got " + s);
      }
      ObjectNode step = (ObjectNode) s.deepCopy();
      if (!step.hasNonNull("step")) {
        step.put("step", index); // steps are numbered by position unless they say otherwise
      }
      JsonNode number = step.get("step");
      String prefix = "Step " + (number.isInt() ? number.asInt() : index) + ": ";
      try {
        steps.add(FaultJson.bind(step, ScenarioStep.class));
      } catch (InvalidFaultException e) {
        throw e.getMessage().startsWith("Step") || e.getMessage().startsWith("Scenario step")
            ? e
            : new InvalidFaultException(prefix + e.getMessage());
      }
    }
    return new Scenario(doc.name(), doc.description(), steps);
  }

  public static Scenario readScenario(Path file) {
    return readScenario(FaultJson.bytes(file));
  }

  public static Scenario readScenario(InputStream in) {
    try (in) {
      return readScenario(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode write(Scenario scenario) {
    return MAPPER.valueToTree(
        new ScenarioDoc(
            scenario.name(),
            scenario.description(),
            scenario.steps().stream().map(s -> (JsonNode) MAPPER.valueToTree(s)).toList()));
  }

  /** The scenario as a pretty-printed file. */
  public static byte[] scenarioFile(Scenario scenario) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(write(scenario));
  }

  public static ObjectNode write(ScenarioReplay.Status status) {
    ObjectNode o = MAPPER.valueToTree(status);
    for (int i = 0; i < status.fired().size(); i++) {
      ((ObjectNode) o.get("fired").get(i))
          .set("fault", FaultJson.writeAction(status.fired().get(i).fault()));
    }
    return o;
  }
}
