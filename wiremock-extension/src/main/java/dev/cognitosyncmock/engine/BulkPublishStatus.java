package dev.cognitosyncmock.engine;

/** The model's BulkPublishStatus enum (SEMANTICS G6). */
public enum BulkPublishStatus {
  NOT_STARTED,
  IN_PROGRESS,
  FAILED,
  SUCCEEDED
}
