package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.DatasetsPage;
import dev.cognitosyncmock.engine.IdentityUsage;
import dev.cognitosyncmock.engine.PatchOp;
import dev.cognitosyncmock.engine.RecordPatch;
import dev.cognitosyncmock.engine.RecordsPage;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The six dataset and record operations: input document to engine call to output document. */
final class DatasetOperations {
  private final SyncEngine engine;

  DatasetOperations(SyncEngine engine) {
    this.engine = engine;
  }

  /** Every A6 member is present, even when empty or zero. */
  JsonNode listRecords(OperationCall call) {
    RecordsPage page =
        engine.listRecords(
            call.caller(),
            call.dataset(),
            call.longValue("LastSyncCount"),
            call.string("NextToken"),
            call.intValue("MaxResults"));
    ObjectNode out = OutputShapes.object();
    out.set("Records", OutputShapes.array(page.records(), OutputShapes::record));
    OutputShapes.putString(out, "NextToken", page.nextToken());
    out.put("Count", page.records().size());
    out.put("DatasetSyncCount", page.datasetSyncCount());
    OutputShapes.putString(out, "LastModifiedBy", page.lastModifiedBy());
    out.set(
        "MergedDatasetNames",
        OutputShapes.array(page.mergedDatasetNames(), OutputShapes.NODES::stringNode));
    out.put("DatasetExists", page.datasetExists());
    out.put("DatasetDeletedAfterRequestedSyncCount", page.datasetDeletedAfterRequestedSyncCount());
    out.put("SyncSessionToken", page.syncSessionToken());
    return out;
  }

  JsonNode updateRecords(OperationCall call) {
    List<RecordPatch> patches = new ArrayList<>();
    JsonNode list = call.input().get("RecordPatches");
    if (list != null) {
      for (JsonNode p : list) {
        JsonNode device = p.get("DeviceLastModifiedDate");
        JsonNode value = p.get("Value");
        patches.add(
            new RecordPatch(
                PatchOp.fromWire(p.get("Op").asString()),
                p.get("Key").asString(),
                value == null || value.isNull() ? null : value.asString(),
                p.get("SyncCount").asLong(),
                device == null || device.isNull()
                    ? null
                    : EpochSeconds.toInstant(device.decimalValue())));
      }
    }
    List<SyncRecord> written =
        engine.updateRecords(
            call.caller(),
            call.dataset(),
            call.string("DeviceId"),
            patches,
            call.string("SyncSessionToken"));
    ObjectNode out = OutputShapes.object();
    out.set("Records", OutputShapes.array(written, OutputShapes::record));
    return out;
  }

  JsonNode describeDataset(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.set("Dataset", OutputShapes.dataset(engine.describeDataset(call.caller(), call.dataset())));
    return out;
  }

  JsonNode deleteDataset(OperationCall call) {
    ObjectNode out = OutputShapes.object();
    out.set("Dataset", OutputShapes.dataset(engine.deleteDataset(call.caller(), call.dataset())));
    return out;
  }

  JsonNode listDatasets(OperationCall call) {
    DatasetsPage page =
        engine.listDatasets(
            call.caller(), call.identity(), call.string("NextToken"), call.intValue("MaxResults"));
    ObjectNode out = OutputShapes.object();
    out.set("Datasets", OutputShapes.array(page.datasets(), OutputShapes::dataset));
    out.put("Count", page.datasets().size());
    OutputShapes.putString(out, "NextToken", page.nextToken());
    return out;
  }

  JsonNode describeIdentityUsage(OperationCall call) {
    IdentityUsage usage = engine.describeIdentityUsage(call.caller(), call.identity());
    ObjectNode u = OutputShapes.object();
    u.put("IdentityId", usage.identityId());
    u.put("IdentityPoolId", usage.identityPoolId());
    OutputShapes.putDate(u, "LastModifiedDate", usage.lastModifiedDate());
    u.put("DatasetCount", usage.datasetCount());
    u.put("DataStorage", usage.dataStorage());
    ObjectNode out = OutputShapes.object();
    out.set("IdentityUsage", u);
    return out;
  }
}
