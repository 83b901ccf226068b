package dev.cognitosyncmock.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cognitosyncmock.protocol.ConnectionFault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One call of a {@link Scenario}, as recorded: the operation, the names it acted on, its other key
 * request fields and the answer. {@code fault} marks the step: on replay it fires at exactly this
 * step.
 *
 * @param step 1 for the first call after recording (or replay) started
 * @param request the call's other request members (record values, tokens and device dates left
 *     out), e.g. {@code {"LastSyncCount": 0}} or {@code {"RecordPatches": [{"Op": "replace", "Key":
 *     "theme", "SyncCount": 0}]}}
 * @param status the HTTP status answered; null when not known
 * @param errorType the {@code x-amzn-ErrorType} answered, null on success
 * @param connectionFault the connection fault answered instead, if any
 * @param fault the fault to inject at this step on replay; null for none
 * @param note free text for the reader
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // the scenario file's form, bound by ScenarioJson
public record ScenarioStep(
    int step,
    String operation,
    String identityPoolId,
    String identityId,
    String datasetName,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) JsonNode request,
    Integer status,
    String errorType,
    @JsonDeserialize(converter = FaultDocuments.ConnectionFaultName.class)
        ConnectionFault connectionFault,
    @JsonDeserialize(converter = FaultDocuments.ActionFromDoc.class)
        @JsonSerialize(converter = FaultDocuments.ActionToDoc.class)
        FaultAction fault,
    String note) {
  public ScenarioStep {
    if (operation == null) {
      throw new InvalidFaultException("Scenario step " + step + " needs an operation");
    }
    if (step < 1) {
      throw new InvalidFaultException("Scenario step numbers start at 1, got " + step);
    }
    request = request == null ? JsonNodeFactory.instance.objectNode() : request.deepCopy();
  }

  public ScenarioStep withFault(FaultAction newFault) {
    return new ScenarioStep(
        step,
        operation,
        identityPoolId,
        identityId,
        datasetName,
        request,
        status,
        errorType,
        connectionFault,
        newFault,
        note);
  }

  public boolean marked() {
    return fault != null;
  }
}
