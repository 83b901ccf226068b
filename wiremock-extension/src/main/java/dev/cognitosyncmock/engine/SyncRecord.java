package dev.cognitosyncmock.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A record as the server keeps it. A removed key stays as a tombstone: {@code value} null, with the
 * SyncCount of the removal (SEMANTICS C3).
 */
public record SyncRecord(
    String key,
    String value,
    long syncCount,
    Instant lastModifiedDate,
    String lastModifiedBy,
    Instant deviceLastModifiedDate) {

  public boolean isTombstone() {
    return value == null;
  }

  /** UTF-8 bytes of key plus value; a tombstone stores nothing (SEMANTICS B4). */
  public long storageBytes() {
    return isTombstone() ? 0 : utf8Length(key) + utf8Length(value);
  }

  static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
