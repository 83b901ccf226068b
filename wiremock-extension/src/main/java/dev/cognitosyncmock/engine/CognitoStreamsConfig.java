package dev.cognitosyncmock.engine;

/** The CognitoStreams section of a pool's configuration (SEMANTICS G1, G5). */
public record CognitoStreamsConfig(String streamName, String roleArn, String streamingStatus) {
  public static final String ENABLED = "ENABLED";

  /** Records go out only with status ENABLED and a stream to put them on. */
  public boolean enabled() {
    return ENABLED.equals(streamingStatus) && streamName != null && !streamName.isEmpty();
  }
}
