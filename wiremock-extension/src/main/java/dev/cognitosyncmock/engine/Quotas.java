package dev.cognitosyncmock.engine;

/** Service quotas enforced on UpdateRecords (SEMANTICS B7). */
public record Quotas(int datasetsPerIdentity, int recordsPerDataset, long bytesPerDataset) {
  public static final Quotas DEFAULT = new Quotas(20, 1024, 1024L * 1024L);
}
