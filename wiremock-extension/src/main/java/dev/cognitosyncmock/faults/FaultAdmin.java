package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.admin.AdminRequest;
import dev.cognitosyncmock.admin.AdminRoute;
import dev.cognitosyncmock.admin.AdminRoutes;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin routes of fault injection and scenario recording, below {@code /__admin/cognito-sync/}:
 *
 * <pre>
 * GET    faults               the rules with matched and fired counts
 * POST   faults               add a rule, an array of rules or {"rules": [...]}: 201 with the ids
 * GET    faults/{id}          one rule
 * DELETE faults/{id}          remove one rule
 * DELETE faults               remove every rule
 * POST   recordings/start     start recording a scenario ({"name": ..., "description": ...})
 * POST   recordings/stop      stop and answer the scenario file
 * GET    recordings           whether recording, and the steps so far
 * POST   scenario             load a scenario file for replay (PUT too)
 * GET    scenario             replay progress: position, faults fired, divergences
 * DELETE scenario             stop replaying
 * </pre>
 */
public final class FaultAdmin implements AdminRoutes {
  private static final String FAULTS = AdminApi.PREFIX + "/faults";
  private static final String RECORDINGS = AdminApi.PREFIX + "/recordings";
  private static final String SCENARIO = AdminApi.PREFIX + "/scenario";

  private final FaultInjector faults;

  public FaultAdmin(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public List<AdminRoute> routes() {
    return List.of(
        AdminRoute.get(
            FAULTS,
            r -> {
              ObjectNode out = Json.MAPPER.createObjectNode();
              ArrayNode rules = out.putArray("rules");
              faults.rules().list().forEach(s -> rules.add(FaultJson.write(s)));
              return ProtocolResponse.json(200, out);
            }),
        AdminRoute.post(
            FAULTS,
            r -> {
              List<FaultRule> added = faults.rules().addAll(FaultJson.readRules(r.body()));
              ObjectNode out = Json.MAPPER.createObjectNode();
              ArrayNode rules = out.putArray("rules");
              added.forEach(rule -> rules.add(FaultJson.write(rule)));
              return ProtocolResponse.json(201, out);
            }),
        AdminRoute.delete(
            FAULTS,
            r -> {
              int n = faults.rules().list().size();
              faults.rules().clear();
              return ProtocolResponse.message(200, "Removed " + n + " fault rules");
            }),
        AdminRoute.get(
            FAULTS + "/{id}",
            r ->
                faults
                    .rules()
                    .get(r.param("id"))
                    .map(s -> ProtocolResponse.json(200, FaultJson.write(s)))
                    .orElseGet(() -> noRule(r.param("id")))),
        AdminRoute.delete(
            FAULTS + "/{id}",
            r ->
                faults.rules().remove(r.param("id"))
                    ? ProtocolResponse.message(200, "Removed fault rule " + r.param("id"))
                    : noRule(r.param("id"))),
        AdminRoute.post(
            RECORDINGS + "/start",
            r -> {
              JsonNode in =
                  r.body().length == 0 ? Json.MAPPER.createObjectNode() : FaultJson.parse(r.body());
              faults.recorder().start(optional(in, "name"), optional(in, "description"));
              return ProtocolResponse.message(200, "Recording started");
            }),
        AdminRoute.post(
            RECORDINGS + "/stop",
            r -> ProtocolResponse.json(200, ScenarioJson.write(faults.recorder().stop()))),
        AdminRoute.get(
            RECORDINGS,
            r -> {
              ObjectNode out = Json.MAPPER.createObjectNode();
              out.put("recording", faults.recorder().isRecording());
              out.set("scenario", ScenarioJson.write(faults.recorder().current()));
              return ProtocolResponse.json(200, out);
            }),
        AdminRoute.post(SCENARIO, this::loadScenario),
        AdminRoute.put(SCENARIO, this::loadScenario),
        AdminRoute.get(
            SCENARIO,
            r ->
                faults
                    .replayStatus()
                    .map(s -> ProtocolResponse.json(200, ScenarioJson.write(s)))
                    .orElseGet(
                        () -> ProtocolResponse.message(404, "No scenario is being replayed"))),
        AdminRoute.delete(
            SCENARIO,
            r -> {
              faults.unloadScenario();
              return ProtocolResponse.message(200, "Scenario unloaded");
            }));
  }

  private ProtocolResponse loadScenario(AdminRequest r) {
    Scenario scenario = ScenarioJson.readScenario(r.body());
    faults.loadScenario(scenario);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("name", scenario.name());
    out.put("steps", scenario.steps().size());
    out.set("faultSteps", Json.MAPPER.valueToTree(scenario.faultSteps()));
    return ProtocolResponse.json(200, out);
  }

  private static ProtocolResponse noRule(String id) {
    return ProtocolResponse.message(404, "No fault rule " + id);
  }

  private static String optional(JsonNode in, String member) {
    JsonNode v = in.get(member);
    return v == null || !v.isString() ? null : v.asString();
  }
}
