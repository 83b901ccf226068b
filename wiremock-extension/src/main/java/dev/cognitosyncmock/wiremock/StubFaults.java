package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import dev.cognitosyncmock.faults.FaultAction;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.faults.InvalidFaultException;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A fault named by a WireMock stub that uses the extension's transformer: {@code "transformers":
 * ["cognito-sync"], "transformerParameters": {"error": "TooManyRequestsException"}} (or any other
 * action of docs/faults.md, also nested as {@code {"cognitoSyncFault": {...}}}). The stateful mock
 * serves the call with that fault forced.
 */
final class StubFaults {
  static final String NESTED = "cognitoSyncFault";
  private static final Set<String> ACTION_MEMBERS =
      Set.of("error", "message", "conflict", "delay", "connectionFault", "afterApplying");

  private StubFaults() {}

  /** The forced action, or null when the parameters name none. */
  static FaultAction action(Parameters parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return null;
    }
    Object nested = parameters.get(NESTED);
    if (nested != null) {
      return FaultJson.readAction(Json.MAPPER.valueToTree(nested));
    }
    Map<String, Object> own = new LinkedHashMap<>();
    parameters.forEach(
        (k, v) -> {
          if (ACTION_MEMBERS.contains(k)) {
            own.put(k, v);
          }
        });
    if (own.isEmpty()) {
      return null;
    }
    JsonNode node = Json.MAPPER.valueToTree(own);
    return FaultJson.readAction(node);
  }

  static ProtocolResponse misconfigured(InvalidFaultException e) {
    return ProtocolResponse.message(
            500,
            "The cognito-sync stub's transformerParameters are not a" + " fault: " + e.getMessage())
        .withHeader("x-amzn-ErrorType", "InternalErrorException");
  }
}
