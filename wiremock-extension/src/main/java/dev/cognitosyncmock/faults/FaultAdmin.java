package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.admin.AdminRoutes;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin routes of fault injection and scenario recording, below
 * {@code /__admin/cognito-sync/}:
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
  public ProtocolResponse handle(String method, String path, byte[] body) {
    if (!path.equals(FAULTS) && !path.startsWith(FAULTS + "/") && !path.equals(RECORDINGS)
        && !path.startsWith(RECORDINGS + "/") && !path.equals(SCENARIO)) {
      return null;
    }
    try {
      return route(method, path, body);
    } catch (InvalidFaultException e) {
      return response(400, message(e.getMessage()));
    } catch (IllegalStateException e) {
      return response(409, message(e.getMessage()));
    }
  }

  private ProtocolResponse route(String method, String path, byte[] body) {
    String route = method + " " + path;
    switch (route) {
      case "GET " + FAULTS: {
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        ArrayNode rules = out.putArray("rules");
        faults.rules().list().forEach(s -> rules.add(FaultJson.write(s)));
        return response(200, out);
      }
      case "POST " + FAULTS: {
        List<FaultRule> added = faults.rules().addAll(FaultJson.readRules(body));
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        ArrayNode rules = out.putArray("rules");
        added.forEach(r -> rules.add(FaultJson.write(r)));
        return response(201, out);
      }
      case "DELETE " + FAULTS: {
        int n = faults.rules().list().size();
        faults.rules().clear();
        return response(200, message("Removed " + n + " fault rules"));
      }
      case "POST " + RECORDINGS + "/start": {
        JsonNode in = body.length == 0 ? WireJson.MAPPER.createObjectNode() : FaultJson.parse(body);
        faults.recorder().start(optional(in, "name"), optional(in, "description"));
        return response(200, message("Recording started"));
      }
      case "POST " + RECORDINGS + "/stop":
        return response(200, FaultJson.write(faults.recorder().stop()));
      case "GET " + RECORDINGS: {
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        out.put("recording", faults.recorder().isRecording());
        out.set("scenario", FaultJson.write(faults.recorder().current()));
        return response(200, out);
      }
      case "POST " + SCENARIO:
      case "PUT " + SCENARIO: {
        Scenario scenario = FaultJson.readScenario(body);
        faults.loadScenario(scenario);
        ObjectNode out = WireJson.MAPPER.createObjectNode();
        out.put("name", scenario.name());
        out.put("steps", scenario.steps().size());
        out.set("faultSteps", WireJson.MAPPER.valueToTree(scenario.faultSteps()));
        return response(200, out);
      }
      case "GET " + SCENARIO:
        return faults.replayStatus()
            .map(s -> response(200, FaultJson.write(s)))
            .orElseGet(() -> response(404, message("No scenario is being replayed")));
      case "DELETE " + SCENARIO:
        faults.unloadScenario();
        return response(200, message("Scenario unloaded"));
      default:
        break;
    }
    if (path.startsWith(FAULTS + "/")) {
      String id = java.net.URLDecoder.decode(path.substring(FAULTS.length() + 1),
          StandardCharsets.UTF_8);
      if (method.equals("GET")) {
        return faults.rules().get(id)
            .map(s -> response(200, FaultJson.write(s)))
            .orElseGet(() -> response(404, message("No fault rule " + id)));
      }
      if (method.equals("DELETE")) {
        return faults.rules().remove(id) ? response(200, message("Removed fault rule " + id))
            : response(404, message("No fault rule " + id));
      }
    }
    return response(404, message("No admin route " + route));
  }

  private static String optional(JsonNode in, String member) {
    JsonNode v = in.get(member);
    return v == null || !v.isString() ? null : v.asString();
  }

  private static ObjectNode message(String text) {
    ObjectNode o = WireJson.MAPPER.createObjectNode();
    o.put("message", text);
    return o;
  }

  private static ProtocolResponse response(int status, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    return new ProtocolResponse(status, headers, WireJson.MAPPER.writeValueAsBytes(body));
  }
}
