package dev.cognitosyncmock.engine;

/**
 * Stands in for the SyncTrigger Lambda of a pool (SEMANTICS G3): receives the event and returns it,
 * changed only in {@code datasetRecords}. Throw {@link #throttled(String)} to act as a throttled
 * Lambda (429 LambdaThrottledException); any other exception is answered as
 * InvalidLambdaFunctionOutputException. A handler slower than the configured timeout (5 s by
 * default) is answered as LambdaSocketTimeoutException.
 */
@FunctionalInterface
public interface SyncTriggerHandler {
  SyncTriggerEvent handle(SyncTriggerEvent event);

  static ServiceException throttled(String message) {
    return new ServiceException(ErrorShape.LambdaThrottledException, message);
  }
}
