package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.protocol.OperationCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A call as fault rules see it: the operation and the request fields a rule can match on.
 *
 * @param recordKeys the keys an UpdateRecords call patches, in request order; empty otherwise
 * @param caller who calls; null when not known (a proxied request)
 */
public record FaultCall(
    String operation,
    String identityPoolId,
    String identityId,
    String datasetName,
    List<String> recordKeys,
    Caller caller) {
  public FaultCall {
    Objects.requireNonNull(operation, "operation");
    recordKeys = List.copyOf(recordKeys);
  }

  public static FaultCall of(OperationCall call) {
    List<String> keys = new ArrayList<>();
    JsonNode patches = call.input().get("RecordPatches");
    if (patches != null && patches.isArray()) {
      for (JsonNode p : patches) {
        JsonNode key = p.get("Key");
        if (key != null && key.isString()) {
          keys.add(key.asString());
        }
      }
    }
    return new FaultCall(
        call.operation(),
        call.string("IdentityPoolId"),
        call.string("IdentityId"),
        call.string("DatasetName"),
        keys,
        call.caller());
  }

  /** The dataset the call names, or null when it names none. */
  public DatasetKey dataset() {
    return identityPoolId == null || identityId == null || datasetName == null
        ? null
        : new DatasetKey(identityPoolId, identityId, datasetName);
  }
}
