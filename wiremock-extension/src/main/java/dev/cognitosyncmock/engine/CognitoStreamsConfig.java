package dev.cognitosyncmock.engine;

/**
 * The CognitoStreams section of a pool's configuration (SEMANTICS G1, G5).
 *
 * @param disabledReason why the service turned streaming off (A9, G5: the stream or its role is
 *     gone); null when the caller set the status, or streaming is on
 */
public record CognitoStreamsConfig(
    String streamName, String roleArn, String streamingStatus, String disabledReason) {
  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";

  /** As a caller sets it: no DisabledReason, which only the service gives. */
  public CognitoStreamsConfig(String streamName, String roleArn, String streamingStatus) {
    this(streamName, roleArn, streamingStatus, null);
  }

  /** Records go out only with status ENABLED and a stream to put them on. */
  public boolean enabled() {
    return ENABLED.equals(streamingStatus) && streamName != null && !streamName.isEmpty();
  }

  /** {@code "CognitoStreams": {}} removes the section (G1, inferred like an empty PushSync). */
  public boolean isEmpty() {
    return streamName == null && roleArn == null && streamingStatus == null;
  }

  /** Streaming turned off by the service, with the reason it gives (G5). */
  public CognitoStreamsConfig disabledBecause(String reason) {
    return new CognitoStreamsConfig(streamName, roleArn, DISABLED, reason);
  }
}
