package dev.cognitosyncmock.examples.settings;

/**
 * What one {@link SettingsStore#sync()} did.
 *
 * @param pulled settings changed by other devices and applied here
 * @param pushed settings sent to the server
 * @param conflicts settings changed on both sides, settled by the {@link ConflictResolver}
 * @param retries times the push met a concurrent write (409) and the cycle started again
 * @param syncCount the dataset's sync count this device has caught up to
 */
public record SyncResult(int pulled, int pushed, int conflicts, int retries, long syncCount) {}
