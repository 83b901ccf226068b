package dev.cognitosyncmock.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

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

  /**
   * A copy of these settings with what {@code change} sets on a draft of them, e.g. {@code
   * DEFAULT.with(s -> s.strictPools = true)}; the copy is checked as any new settings are.
   */
  public EngineSettings with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.settings();
  }

  /** The fields of {@link EngineSettings}, settable one at a time; see {@link #with}. */
  public static final class Draft {
    public boolean strictPools;
    public Duration tokenExpiry;
    public Quotas quotas;
    public boolean requirePushSyncForDevices;
    public boolean syncTriggerForDeveloperCallers;
    public Duration syncTriggerTimeout;
    public Duration bulkPublishDuration;
    public String region;

    private Draft(EngineSettings from) {
      strictPools = from.strictPools;
      tokenExpiry = from.tokenExpiry;
      quotas = from.quotas;
      requirePushSyncForDevices = from.requirePushSyncForDevices;
      syncTriggerForDeveloperCallers = from.syncTriggerForDeveloperCallers;
      syncTriggerTimeout = from.syncTriggerTimeout;
      bulkPublishDuration = from.bulkPublishDuration;
      region = from.region;
    }

    EngineSettings settings() {
      return new EngineSettings(
          strictPools,
          tokenExpiry,
          quotas,
          requirePushSyncForDevices,
          syncTriggerForDeveloperCallers,
          syncTriggerTimeout,
          bulkPublishDuration,
          region);
    }
  }
}
