package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One change a client asks for in UpdateRecords. {@code syncCount} is the client's idea of the
 * key's current server SyncCount: 0 for a key it has never seen (SEMANTICS C2).
 */
public record RecordPatch(
    PatchOp op, String key, String value, long syncCount, Instant deviceLastModifiedDate) {
  public RecordPatch {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(key, "key");
  }

  public static RecordPatch replace(String key, String value, long syncCount) {
    return new RecordPatch(PatchOp.REPLACE, key, value, syncCount, null);
  }

  public static RecordPatch remove(String key, long syncCount) {
    return new RecordPatch(PatchOp.REMOVE, key, null, syncCount, null);
  }
}
