package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.SyncEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The eleven pool-level operations: usage, configuration, events, devices, subscriptions and
 * bulk publish. Minimal for now: each answers its modeled shape.
 */
final class PoolOperations {
  private final SyncEngine engine;

  PoolOperations(SyncEngine engine) {
    this.engine = engine;
  }

  JsonNode describeIdentityPoolUsage(OperationCall call) {
    ObjectNode usage = OutputShapes.object();
    usage.put("IdentityPoolId", call.identityPoolId());
    ObjectNode out = OutputShapes.object();
    out.set("IdentityPoolUsage", usage);
    return out;
  }

  JsonNode listIdentityPoolUsage(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.set("IdentityPoolUsages", OutputShapes.NODES.arrayNode());
    out.put("Count", 0);
    Integer max = call.intValue("MaxResults");
    if (max != null) {
      out.put("MaxResults", max);
    }
    return out;
  }

  JsonNode getIdentityPoolConfiguration(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", call.identityPoolId());
    return out;
  }

  JsonNode setIdentityPoolConfiguration(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", call.identityPoolId());
    return out;
  }

  JsonNode getCognitoEvents(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.set("Events", OutputShapes.object());
    return out;
  }

  JsonNode setCognitoEvents(OperationCall call) {
    return OutputShapes.object();
  }

  JsonNode registerDevice(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put("DeviceId", engine.ids().nextId());
    return out;
  }

  JsonNode subscribeToDataset(OperationCall call) {
    return OutputShapes.object();
  }

  JsonNode unsubscribeFromDataset(OperationCall call) {
    return OutputShapes.object();
  }

  JsonNode bulkPublish(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", call.identityPoolId());
    return out;
  }

  JsonNode getBulkPublishDetails(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", call.identityPoolId());
    out.put("BulkPublishStatus", "NOT_STARTED");
    return out;
  }
}
