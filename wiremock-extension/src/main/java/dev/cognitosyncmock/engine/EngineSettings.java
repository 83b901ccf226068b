package dev.cognitosyncmock.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The choices a user may want to make differently from our reading of the spec.
 *
 * @param strictPools unknown identity pools answer 404 until created (default: registered on first
 *     use)
 * @param tokenExpiry how long a SyncSessionToken stays valid (SEMANTICS D4: undocumented)
 * @param quotas dataset and record limits (SEMANTICS B7)
 * @param requirePushSyncForDevices RegisterDevice, SubscribeToDataset and UnsubscribeFromDataset
 *     answer 400 InvalidConfigurationException while the pool has no PushSync application
 *     configured (SEMANTICS G4, inferred; default true)
 * @param syncTriggerForDeveloperCallers run the SyncTrigger handler for developer-credential
 *     callers too. The real service runs it only for Cognito identity credentials (G3); the default
 *     true lets tests with static credentials see it
 * @param syncTriggerTimeout a SyncTrigger handler slower than this is answered as
 *     LambdaSocketTimeoutException (G3: 5 s)
 * @param bulkPublishDuration how long a BulkPublish stays IN_PROGRESS on the engine clock (G6;
 *     default zero: it completes at once)
 * @param region the region put into SyncTrigger events
 */
public record EngineSettings(
    boolean strictPools,
    Duration tokenExpiry,
    Quotas quotas,
    boolean requirePushSyncForDevices,
    boolean syncTriggerForDeveloperCallers,
    Duration syncTriggerTimeout,
    Duration bulkPublishDuration,
    String region) {
  public static final EngineSettings DEFAULT =
      new EngineSettings(
          false,
          Duration.ofHours(1),
          Quotas.DEFAULT,
          true,
          true,
          Duration.ofSeconds(5),
          Duration.ZERO,
          "us-east-1");

  public EngineSettings {
    Objects.requireNonNull(tokenExpiry, "tokenExpiry");
    Objects.requireNonNull(quotas, "quotas");
    Objects.requireNonNull(syncTriggerTimeout, "syncTriggerTimeout");
    Objects.requireNonNull(bulkPublishDuration, "bulkPublishDuration");
    Objects.requireNonNull(region, "region");
    if (syncTriggerTimeout.isNegative() || syncTriggerTimeout.isZero()) {
      throw new IllegalArgumentException("syncTriggerTimeout must be positive");
    }
    if (bulkPublishDuration.isNegative()) {
      throw new IllegalArgumentException("bulkPublishDuration must not be negative");
    }
  }

  /** The settings of the dataset rules, the rest at their defaults. */
  public EngineSettings(boolean strictPools, Duration tokenExpiry, Quotas quotas) {
    this(
        strictPools,
        tokenExpiry,
        quotas,
        DEFAULT.requirePushSyncForDevices,
        DEFAULT.syncTriggerForDeveloperCallers,
        DEFAULT.syncTriggerTimeout,
        DEFAULT.bulkPublishDuration,
        DEFAULT.region);
  }

  public EngineSettings withStrictPools(boolean strict) {
    return new EngineSettings(
        strict,
        tokenExpiry,
        quotas,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withTokenExpiry(Duration expiry) {
    return new EngineSettings(
        strictPools,
        expiry,
        quotas,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withQuotas(Quotas q) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        q,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withRequirePushSyncForDevices(boolean require) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        quotas,
        require,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withSyncTriggerForDeveloperCallers(boolean run) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        quotas,
        requirePushSyncForDevices,
        run,
        syncTriggerTimeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withSyncTriggerTimeout(Duration timeout) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        quotas,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        timeout,
        bulkPublishDuration,
        region);
  }

  public EngineSettings withBulkPublishDuration(Duration duration) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        quotas,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        duration,
        region);
  }

  public EngineSettings withRegion(String r) {
    return new EngineSettings(
        strictPools,
        tokenExpiry,
        quotas,
        requirePushSyncForDevices,
        syncTriggerForDeveloperCallers,
        syncTriggerTimeout,
        bulkPublishDuration,
        r);
  }
}
