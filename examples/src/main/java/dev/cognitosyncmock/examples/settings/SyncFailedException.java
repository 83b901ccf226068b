package dev.cognitosyncmock.examples.settings;

/** The push kept meeting concurrent writes: the retry budget ran out (SEMANTICS F2). */
public final class SyncFailedException extends RuntimeException {
  public SyncFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
