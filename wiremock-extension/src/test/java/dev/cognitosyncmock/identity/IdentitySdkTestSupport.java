package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.sdk.SdkCalls;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** A mock with Cognito Identity on its endpoint and real SDK v2 clients for it. */
abstract class IdentitySdkTestSupport {
  static final String DEVELOPER_ACCOUNT = "210987654321";
  static final AccessKey DEVELOPER =
      AccessKey.developer("AKIADEVELOPER0000001", "developer/secret/key/0001", DEVELOPER_ACCOUNT);
  static final String AUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_Auth_Role";
  static final String UNAUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_Unauth_Role";

  private final List<AutoCloseable> toClose = new ArrayList<>();
  CognitoSyncServer server;
  CognitoIdentityClient identity;

  CognitoSyncServer start(UnaryOperator<CognitoSyncService.Builder> settings) {
    server =
        CognitoSyncServer.builder()
            .service(settings.apply(CognitoSyncService.builder().credentials(DEVELOPER)).build())
            .build()
            .start();
    identity =
        identityClient(
            AwsBasicCredentials.create(DEVELOPER.accessKeyId(), DEVELOPER.secretAccessKey()));
    return server;
  }

  CognitoSyncServer start() {
    return start(b -> b);
  }

  CognitoIdentityClient identityClient(AwsCredentials credentials) {
    CognitoIdentityClient client =
        CognitoIdentityClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(credentials))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
            .build();
    toClose.add(client);
    return client;
  }

  CognitoSyncClient syncClient(AwsCredentials credentials) {
    CognitoSyncClient client = SdkCalls.syncClient(server.endpoint(), credentials);
    toClose.add(client);
    return client;
  }

  CognitoSyncClient syncClient(Credentials c) {
    return syncClient(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretKey(), c.sessionToken()));
  }

  CognitoSyncClient developerSyncClient() {
    return syncClient(
        AwsBasicCredentials.create(DEVELOPER.accessKeyId(), DEVELOPER.secretAccessKey()));
  }

  /** GetId with one Facebook login: the identity that login is linked to. */
  String facebookIdentity(String pool, String token) {
    return identity
        .getId(r -> r.identityPoolId(pool).logins(java.util.Map.of("graph.facebook.com", token)))
        .identityId();
  }

  /** One record written with developer credentials, as a client's first sync writes it. */
  void writeRecord(String pool, String identityId, String dataset, String key, String value) {
    CognitoSyncClient dev = developerSyncClient();
    var listed =
        dev.listRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName(dataset));
    dev.updateRecords(
        r ->
            r.identityPoolId(pool)
                .identityId(identityId)
                .datasetName(dataset)
                .syncSessionToken(listed.syncSessionToken())
                .recordPatches(p -> p.op("replace").key(key).value(value).syncCount(0L)));
  }

  /**
   * A pool with guests allowed, Facebook and Google logins, a developer provider and both roles.
   */
  String createPool() {
    String pool =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("app pool")
                        .allowUnauthenticatedIdentities(true)
                        .supportedLoginProviders(
                            java.util.Map.of(
                                "graph.facebook.com", "fb-app", "accounts.google.com", "g-app"))
                        .developerProviderName("login.myapp"))
            .identityPoolId();
    identity.setIdentityPoolRoles(
        r ->
            r.identityPoolId(pool)
                .roles(
                    java.util.Map.of("authenticated", AUTH_ROLE, "unauthenticated", UNAUTH_ROLE)));
    return pool;
  }

  static void assertError(
      Runnable call, Class<? extends CognitoIdentityException> type, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            type,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
              assertThat(e.requestId()).isNotBlank();
            });
  }

  static void assertErrorCode(Runnable call, String code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            CognitoIdentityException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
              assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
            });
  }

  @AfterEach
  void stopServer() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    toClose.clear();
    if (server != null) {
      server.stop();
    }
  }
}
