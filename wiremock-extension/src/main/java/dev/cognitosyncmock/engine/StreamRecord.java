package dev.cognitosyncmock.engine;

import java.util.List;

/**
 * One record put on the Kinesis stream, as documented for Cognito Streams (SEMANTICS G5): note
 * {@code dataSetName} with a capital S and dates in epoch milliseconds. The mock always sends the
 * records inline, so {@code kinesisSyncRecordsURL} is null and {@code payloadType} "Inline".
 *
 * @param operation "replace" for a write, "remove" for a dataset deletion
 */
public record StreamRecord(
    String identityPoolId,
    String identityId,
    String dataSetName,
    String operation,
    List<KinesisSyncRecord> kinesisSyncRecords,
    long lastModifiedDate,
    String kinesisSyncRecordsURL,
    String payloadType,
    long syncCount) {
  public static final String INLINE = "Inline";
}
