package dev.cognitosyncmock.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClientBuilder;

/**
 * The only class that names AWS SDK types: loaded only when a client is injected, so a test
 * without the SDK on its classpath can still use the handle and the endpoint.
 */
final class SdkClients {
  static final String SYNC_CLIENT = "software.amazon.awssdk.services.cognitosync.CognitoSyncClient";
  static final String ASYNC_CLIENT =
      "software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient";

  /** Dummy credentials: the mock checks no signature. Not a session token, so calls act as the developer. */
  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIDCOGNITOSYNCMOCK", "cognito-sync-mock-secret"));

  private SdkClients() {
  }

  static Object client(String typeName, RunningMock mock) {
    if (typeName.equals(SYNC_CLIENT)) {
      return mock.client(CognitoSyncClient.class, SdkClients::sync);
    }
    return mock.client(CognitoSyncAsyncClient.class, SdkClients::async);
  }

  static CognitoSyncClient sync(RunningMock mock) {
    CognitoSyncClientBuilder builder = CognitoSyncClient.builder()
        .endpointOverride(mock.server().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS);
    // The SDK finds its default HTTP client (Apache) by itself; a user who left it out for the
    // lighter URLConnection client gets that one.
    if (!present("software.amazon.awssdk.http.apache.ApacheHttpClient")
        && present("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient")) {
      // a client given to the builder is not closed by the SDK client: the mock closes it
      builder.httpClient(mock.client(SdkHttpClient.class, m -> UrlConnectionClient.create()));
    }
    return builder.build();
  }

  /** Async clients use the SDK's default async HTTP client (Netty, or CRT when present). */
  static CognitoSyncAsyncClient async(RunningMock mock) {
    return CognitoSyncAsyncClient.builder()
        .endpointOverride(mock.server().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SdkClients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Kept apart so the URLConnection client's class is loaded only when chosen. */
  private static final class UrlConnectionClient {
    static SdkHttpClient create() {
      return software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
    }
  }
}
