package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.identity.IssuedCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * Cognito Identity clients, and Sync clients signed with credentials the identity flow issued. Like
 * {@link SdkClients}, loaded only when one is asked for, so the cognitoidentity artifact is needed
 * only by tests that use it.
 */
final class IdentitySdkClients {
  static final String SYNC_CLIENT =
      "software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient";
  static final String ASYNC_CLIENT =
      "software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient";

  private IdentitySdkClients() {}

  static boolean provides(String typeName) {
    return typeName.equals(SYNC_CLIENT) || typeName.equals(ASYNC_CLIENT);
  }

  /** A client signing with the mock's developer key, as the admin operations need (H5). */
  static Object client(String typeName, RunningMock mock) {
    if (typeName.equals(SYNC_CLIENT)) {
      return mock.client(
          CognitoIdentityClient.class,
          m ->
              CognitoIdentityClient.builder()
                  .endpointOverride(m.server().endpoint())
                  .region(Region.US_EAST_1)
                  .credentialsProvider(SdkClients.CREDENTIALS)
                  .build());
    }
    return mock.client(
        CognitoIdentityAsyncClient.class,
        m ->
            CognitoIdentityAsyncClient.builder()
                .endpointOverride(m.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(SdkClients.CREDENTIALS)
                .build());
  }

  /** A Sync client (sync or async by {@code typeName}) signing with issued identity credentials. */
  static Object syncClient(String typeName, IssuedCredentials issued, RunningMock mock) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(
                issued.accessKeyId(), issued.secretKey(), issued.sessionToken()));
    if (typeName.equals(SdkClients.SYNC_CLIENT)) {
      return mock.client(
          software.amazon.awssdk.services.cognitosync.CognitoSyncClient.class,
          issued.accessKeyId(),
          m -> SdkClients.sync(m, credentials));
    }
    return mock.client(
        software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient.class,
        issued.accessKeyId(),
        m -> SdkClients.async(m, credentials));
  }
}
