package dev.cognitosyncmock.engine;

/**
 * One entry of a SyncTrigger event's {@code datasetRecords} (SEMANTICS G3). {@code op} is "replace"
 * or "remove" for a key the client changed; a key it left alone goes as "replace" with equal old
 * and new values, as every public sample event shows. In a handler's output, op "remove" or a null
 * newValue deletes the key.
 */
public record SyncTriggerRecord(String oldValue, String newValue, String op) {
  public static final String REPLACE = "replace";
  public static final String REMOVE = "remove";

  public static SyncTriggerRecord replace(String oldValue, String newValue) {
    return new SyncTriggerRecord(oldValue, newValue, REPLACE);
  }

  public static SyncTriggerRecord remove(String oldValue) {
    return new SyncTriggerRecord(oldValue, null, REMOVE);
  }

  boolean removes() {
    return REMOVE.equals(op) || newValue == null;
  }
}
