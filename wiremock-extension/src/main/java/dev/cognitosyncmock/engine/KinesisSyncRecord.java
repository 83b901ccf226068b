package dev.cognitosyncmock.engine;

/** One record inside a Cognito Streams record; dates in epoch milliseconds (SEMANTICS G5). */
public record KinesisSyncRecord(
    String key,
    String value,
    long syncCount,
    long lastModifiedDate,
    long deviceLastModifiedDate,
    String op) {

  static KinesisSyncRecord of(SyncRecord r) {
    return new KinesisSyncRecord(
        r.key(),
        r.value(),
        r.syncCount(),
        r.lastModifiedDate().toEpochMilli(),
        r.deviceLastModifiedDate().toEpochMilli(),
        r.isTombstone() ? PatchOp.REMOVE.wireName() : PatchOp.REPLACE.wireName());
  }
}
