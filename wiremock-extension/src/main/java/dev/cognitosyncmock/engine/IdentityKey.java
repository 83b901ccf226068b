package dev.cognitosyncmock.engine;

import java.util.Objects;

/** Names one identity within one identity pool. */
public record IdentityKey(String identityPoolId, String identityId) {
  public IdentityKey {
    Objects.requireNonNull(identityPoolId, "identityPoolId");
    Objects.requireNonNull(identityId, "identityId");
  }

  public DatasetKey dataset(String datasetName) {
    return new DatasetKey(identityPoolId, identityId, datasetName);
  }
}
