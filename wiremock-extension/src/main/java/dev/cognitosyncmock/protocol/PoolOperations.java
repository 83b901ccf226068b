package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.BulkPublishDetails;
import dev.cognitosyncmock.engine.CognitoStreamsConfig;
import dev.cognitosyncmock.engine.PoolConfiguration;
import dev.cognitosyncmock.engine.PoolUsage;
import dev.cognitosyncmock.engine.PoolUsagePage;
import dev.cognitosyncmock.engine.PushSyncConfig;
import dev.cognitosyncmock.engine.SyncEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The eleven pool-level operations: usage, configuration, events, devices, subscriptions and bulk
 * publish (SEMANTICS G1-G7). Input document to engine call to output document.
 */
final class PoolOperations {
  private final SyncEngine engine;

  PoolOperations(SyncEngine engine) {
    this.engine = engine;
  }

  JsonNode describeIdentityPoolUsage(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.set(
        "IdentityPoolUsage",
        usage(engine.describeIdentityPoolUsage(call.caller(), call.identityPoolId())));
    return out;
  }

  /** Echoes MaxResults when given; Count is the page size (G7, B6). */
  JsonNode listIdentityPoolUsage(OperationCall call) {
    Integer max = call.intValue("MaxResults");
    PoolUsagePage page = engine.listIdentityPoolUsage(call.caller(), call.string("NextToken"), max);
    ObjectNode out = OutputShapes.object();
    out.set("IdentityPoolUsages", OutputShapes.array(page.usages(), PoolOperations::usage));
    if (max != null) {
      out.put("MaxResults", max);
    }
    out.put("Count", page.usages().size());
    OutputShapes.putString(out, "NextToken", page.nextToken());
    return out;
  }

  private static ObjectNode usage(PoolUsage u) {
    ObjectNode o = OutputShapes.object();
    o.put("IdentityPoolId", u.identityPoolId());
    o.put("SyncSessionsCount", u.syncSessionsCount());
    o.put("DataStorage", u.dataStorage());
    OutputShapes.putDate(o, "LastModifiedDate", u.lastModifiedDate());
    return o;
  }

  JsonNode getIdentityPoolConfiguration(OperationCall call) {
    return configuration(engine.getIdentityPoolConfiguration(call.caller(), call.identityPoolId()));
  }

  JsonNode setIdentityPoolConfiguration(OperationCall call) {
    return configuration(
        engine.setIdentityPoolConfiguration(
            call.caller(),
            call.identityPoolId(),
            pushSync(call.input().get("PushSync")),
            cognitoStreams(call.input().get("CognitoStreams"))));
  }

  private static PushSyncConfig pushSync(JsonNode in) {
    if (in == null || in.isNull()) {
      return null;
    }
    List<String> arns = new ArrayList<>();
    JsonNode list = in.get("ApplicationArns");
    if (list != null) {
      list.forEach(a -> arns.add(a.asString()));
    }
    return new PushSyncConfig(arns, text(in, "RoleArn"));
  }

  /** A caller's DisabledReason is ignored: only the service says why it turned streaming off. */
  private static CognitoStreamsConfig cognitoStreams(JsonNode in) {
    if (in == null || in.isNull()) {
      return null;
    }
    return new CognitoStreamsConfig(
        text(in, "StreamName"), text(in, "RoleArn"), text(in, "StreamingStatus"));
  }

  /** Only the sections that have been configured (G1), DisabledReason when there is one (G5). */
  private static ObjectNode configuration(PoolConfiguration c) {
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", c.identityPoolId());
    PushSyncConfig push = c.pushSync();
    if (push != null) {
      ObjectNode p = out.putObject("PushSync");
      p.set(
          "ApplicationArns",
          OutputShapes.array(push.applicationArns(), OutputShapes.NODES::stringNode));
      OutputShapes.putString(p, "RoleArn", push.roleArn());
    }
    CognitoStreamsConfig streams = c.cognitoStreams();
    if (streams != null) {
      ObjectNode s = out.putObject("CognitoStreams");
      OutputShapes.putString(s, "StreamName", streams.streamName());
      OutputShapes.putString(s, "RoleArn", streams.roleArn());
      OutputShapes.putString(s, "StreamingStatus", streams.streamingStatus());
      OutputShapes.putString(s, "DisabledReason", streams.disabledReason()); // A9 erratum
    }
    return out;
  }

  JsonNode getCognitoEvents(OperationCall call) {
    ObjectNode events = OutputShapes.object();
    engine.getCognitoEvents(call.caller(), call.identityPoolId()).forEach(events::put);
    ObjectNode out = OutputShapes.object();
    out.set("Events", events);
    return out;
  }

  JsonNode setCognitoEvents(OperationCall call) {
    Map<String, String> events = new LinkedHashMap<>();
    JsonNode in = call.input().get("Events");
    if (in != null) {
      for (Map.Entry<String, JsonNode> e : in.properties()) {
        events.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
      }
    }
    engine.setCognitoEvents(call.caller(), call.identityPoolId(), events);
    return OutputShapes.object();
  }

  JsonNode registerDevice(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.put(
        "DeviceId",
        engine.registerDevice(
            call.caller(), call.identity(), call.string("Platform"), call.string("Token")));
    return out;
  }

  JsonNode subscribeToDataset(OperationCall call) {
    engine.subscribeToDataset(call.caller(), call.dataset(), call.string("DeviceId"));
    return OutputShapes.object();
  }

  JsonNode unsubscribeFromDataset(OperationCall call) {
    engine.unsubscribeFromDataset(call.caller(), call.dataset(), call.string("DeviceId"));
    return OutputShapes.object();
  }

  JsonNode bulkPublish(OperationCall call) {
    engine.bulkPublish(call.caller(), call.identityPoolId());
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", call.identityPoolId());
    return out;
  }

  JsonNode getBulkPublishDetails(OperationCall call) {
    BulkPublishDetails d = engine.getBulkPublishDetails(call.caller(), call.identityPoolId());
    ObjectNode out = OutputShapes.object();
    out.put("IdentityPoolId", d.identityPoolId());
    OutputShapes.putDate(out, "BulkPublishStartTime", d.startTime());
    OutputShapes.putDate(out, "BulkPublishCompleteTime", d.completeTime());
    out.put("BulkPublishStatus", d.status().name());
    OutputShapes.putString(out, "FailureMessage", d.failureMessage());
    return out;
  }

  private static String text(JsonNode o, String member) {
    JsonNode v = o.get(member);
    return v == null || v.isNull() ? null : v.asString();
  }
}
