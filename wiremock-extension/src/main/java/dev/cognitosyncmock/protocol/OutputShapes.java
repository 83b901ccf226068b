package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.DatasetInfo;
import dev.cognitosyncmock.engine.SyncRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Engine values written as the model's output shapes; timestamps as epoch seconds (A4). */
final class OutputShapes {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OutputShapes() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The model's Record; a tombstone carries no Value (SEMANTICS C3). */
  static ObjectNode record(SyncRecord r) {
    ObjectNode o = object();
    o.put("Key", r.key());
    if (r.value() != null) {
      o.put("Value", r.value());
    }
    o.put("SyncCount", r.syncCount());
    putDate(o, "LastModifiedDate", r.lastModifiedDate());
    putString(o, "LastModifiedBy", r.lastModifiedBy());
    putDate(o, "DeviceLastModifiedDate", r.deviceLastModifiedDate());
    return o;
  }

  static ObjectNode dataset(DatasetInfo d) {
    ObjectNode o = object();
    o.put("IdentityId", d.identityId());
    o.put("DatasetName", d.datasetName());
    putDate(o, "CreationDate", d.creationDate());
    putDate(o, "LastModifiedDate", d.lastModifiedDate());
    putString(o, "LastModifiedBy", d.lastModifiedBy());
    o.put("DataStorage", d.dataStorage());
    o.put("NumRecords", d.numRecords());
    return o;
  }

  static <T> ArrayNode array(
      List<T> items, Function<T, ? extends tools.jackson.databind.JsonNode> shape) {
    ArrayNode a = NODES.arrayNode();
    items.forEach(item -> a.add(shape.apply(item)));
    return a;
  }

  static void putDate(ObjectNode o, String name, Instant instant) {
    if (instant != null) {
      o.put(name, EpochSeconds.of(instant));
    }
  }

  static void putString(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
