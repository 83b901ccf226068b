package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.security.AccessKey;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClientBuilder;

/**
 * The only class that names AWS SDK types: loaded only when a client is injected, so a test without
 * the SDK on its classpath can still use the handle and the endpoint.
 */
final class SdkClients {
  static final String SYNC_CLIENT = "software.amazon.awssdk.services.cognitosync.CognitoSyncClient";
  static final String ASYNC_CLIENT =
      "software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient";

  /** Developer credentials the mock knows: no session token, so calls act as the developer. */
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              RunningMock.DEVELOPER_KEY.accessKeyId(),
              RunningMock.DEVELOPER_KEY.secretAccessKey()));

  private SdkClients() {}

  static Object client(String typeName, RunningMock mock) {
    if (typeName.equals(SYNC_CLIENT)) {
      return mock.client(CognitoSyncClient.class, SdkClients::sync);
    }
    return mock.client(CognitoSyncAsyncClient.class, SdkClients::async);
  }

  /**
   * A client acting for one identity with temporary Cognito identity credentials: a key made for it
   * and made known to the mock, with a session token (SEMANTICS A7, C5).
   */
  static Object identityClient(String typeName, String identityId, RunningMock mock) {
    AccessKey key = identityKey(identityId);
    mock.server().service().addAccessKey(key);
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(
                key.accessKeyId(), key.secretAccessKey(), key.sessionToken()));
    if (typeName.equals(SYNC_CLIENT)) {
      return mock.client(CognitoSyncClient.class, identityId, m -> sync(m, credentials));
    }
    return mock.client(CognitoSyncAsyncClient.class, identityId, m -> async(m, credentials));
  }

  /** The same identity always gets the same key, so a second client of it is accepted too. */
  static AccessKey identityKey(String identityId) {
    String id =
        "ASIA"
            + UUID.nameUUIDFromBytes(identityId.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toUpperCase(Locale.ROOT);
    return AccessKey.identity(id, "secret-of-" + id, "session-of-" + id, identityId);
  }

  static CognitoSyncClient sync(RunningMock mock) {
    return sync(mock, CREDENTIALS);
  }

  static CognitoSyncClient sync(RunningMock mock, StaticCredentialsProvider credentials) {
    CognitoSyncClientBuilder builder =
        CognitoSyncClient.builder()
            .endpointOverride(mock.server().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials);
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
    return async(mock, CREDENTIALS);
  }

  static CognitoSyncAsyncClient async(RunningMock mock, StaticCredentialsProvider credentials) {
    return CognitoSyncAsyncClient.builder()
        .endpointOverride(mock.server().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials)
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
