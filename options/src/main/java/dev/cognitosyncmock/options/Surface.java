package dev.cognitosyncmock.options;

/** Where a user sets options. Every option is reachable from each, or says why it is not. */
public enum Surface {
  /** {@code --flag value} of the standalone server. */
  FLAG,
  /** {@code COGNITO_SYNC_MOCK_*} environment variables of the standalone server and the image. */
  ENV,
  /** {@code CognitoSyncOptions.builder()}, given to the in-process server and service builders. */
  BUILDER,
  /**
   * The JUnit extension: its builder's {@code options(..)} and {@code @CognitoSyncTest(options)}.
   */
  JUNIT,
  /** {@code CognitoSyncContainer}, the Testcontainers module. */
  CONTAINER
}
