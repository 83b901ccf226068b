package dev.cognitosyncmock.engine;

import java.util.Objects;

/** Names one dataset: pool, identity and dataset name, as they appear in the request path. */
public record DatasetKey(String identityPoolId, String identityId, String datasetName) {
  public DatasetKey {
    Objects.requireNonNull(identityPoolId, "identityPoolId");
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(datasetName, "datasetName");
  }

  public IdentityKey identity() {
    return new IdentityKey(identityPoolId, identityId);
  }

  @Override
  public String toString() {
    return identityPoolId + "/" + identityId + "/" + datasetName;
  }
}
