package dev.cognitosyncmock.faults;

/**
 * Which calls a rule applies to. A null member matches anything; {@code operation} null (or {@code
 * "*"} in JSON) means any operation. {@code recordKey} matches an UpdateRecords call that patches
 * that key.
 */
public record FaultMatch(
    String operation,
    String identityPoolId,
    String identityId,
    String datasetName,
    String recordKey) {
  public static final FaultMatch ANY = new FaultMatch(null, null, null, null, null);

  public FaultMatch {
    if ("*".equals(operation) || "".equals(operation)) {
      operation = null;
    }
  }

  public static FaultMatch operation(String operation) {
    return ANY.withOperation(operation);
  }

  public boolean anyOperation() {
    return operation == null;
  }

  public FaultMatch withOperation(String value) {
    return new FaultMatch(value, identityPoolId, identityId, datasetName, recordKey);
  }

  public FaultMatch withIdentityPoolId(String value) {
    return new FaultMatch(operation, value, identityId, datasetName, recordKey);
  }

  public FaultMatch withIdentityId(String value) {
    return new FaultMatch(operation, identityPoolId, value, datasetName, recordKey);
  }

  public FaultMatch withDatasetName(String value) {
    return new FaultMatch(operation, identityPoolId, identityId, value, recordKey);
  }

  public FaultMatch withRecordKey(String value) {
    return new FaultMatch(operation, identityPoolId, identityId, datasetName, value);
  }

  public boolean matches(FaultCall call) {
    return (operation == null || operation.equals(call.operation()))
        && (identityPoolId == null || identityPoolId.equals(call.identityPoolId()))
        && (identityId == null || identityId.equals(call.identityId()))
        && (datasetName == null || datasetName.equals(call.datasetName()))
        && (recordKey == null || call.recordKeys().contains(recordKey));
  }
}
