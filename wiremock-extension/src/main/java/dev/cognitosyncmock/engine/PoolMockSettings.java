package dev.cognitosyncmock.engine;

/**
 * Per-pool settings of the mock itself, not of the service: where side effects leave the process.
 * The engine only keeps the URLs; HTTP happens outside it (package {@code sideeffects}).
 *
 * @param pushWebhookUrl every push notification for this pool is POSTed here, or null
 * @param syncTriggerUrl the SyncTrigger event is POSTed here in place of the Lambda, or null
 */
public record PoolMockSettings(String pushWebhookUrl, String syncTriggerUrl) {
  public static final PoolMockSettings NONE = new PoolMockSettings(null, null);
}
