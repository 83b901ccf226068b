package dev.cognitosyncmock.engine;

import java.time.Instant;

/**
 * The last bulk publish of a pool. The status is not stored but read off the clock: IN_PROGRESS
 * until {@code completeTime}, SUCCEEDED from then on, so no thread has to finish it.
 *
 * @param completeTime when the run completes (or completed); null for a failed run
 * @param failureMessage set for a run that failed
 */
public record BulkPublishRun(Instant startTime, Instant completeTime, String failureMessage) {

  public BulkPublishDetails details(String identityPoolId, Instant now) {
    if (failureMessage != null) {
      return new BulkPublishDetails(
          identityPoolId, BulkPublishStatus.FAILED, startTime, null, failureMessage);
    }
    if (completeTime == null || now.isBefore(completeTime)) {
      return new BulkPublishDetails(
          identityPoolId, BulkPublishStatus.IN_PROGRESS, startTime, null, null);
    }
    return new BulkPublishDetails(
        identityPoolId, BulkPublishStatus.SUCCEEDED, startTime, completeTime, null);
  }

  static BulkPublishDetails notStarted(String identityPoolId) {
    return new BulkPublishDetails(identityPoolId, BulkPublishStatus.NOT_STARTED, null, null, null);
  }
}
