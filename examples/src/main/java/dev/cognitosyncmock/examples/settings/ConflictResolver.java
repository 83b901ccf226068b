package dev.cognitosyncmock.examples.settings;

/**
 * Decides a setting changed on this device and, since the last sync, on another one. Answers the
 * value to keep; null keeps the setting removed.
 */
@FunctionalInterface
public interface ConflictResolver {
  String resolve(String key, String localValue, String remoteValue);

  /** The other device's value wins, as in the AWS Cognito Sync samples. */
  static ConflictResolver remoteWins() {
    return (key, local, remote) -> remote;
  }

  /** This device's value wins: it overwrites the other device's change. */
  static ConflictResolver localWins() {
    return (key, local, remote) -> local;
  }
}
