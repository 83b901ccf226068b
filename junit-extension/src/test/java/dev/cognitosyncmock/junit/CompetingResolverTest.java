package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * Next to another extension that injects URIs and AWS SDK types (as LocalStack's or a Spring test
 * context does), both work: the mock claims only its own clients and handle, and a URI only with
 * its qualifier. Before, JUnit failed every parameter below with "competing ParameterResolvers".
 */
@CognitoSyncTest
@ExtendWith(CompetingResolverTest.OtherCloud.class)
class CompetingResolverTest {

  /** Another extension: resolves every URI and the SDK types it knows. */
  static final class OtherCloud implements ParameterResolver {
    static final URI ENDPOINT = URI.create("http://localhost.localstack.cloud:4566");
    static final AwsCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other"));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return !parameter.isAnnotated(CognitoSyncInject.class)
          && (type == URI.class || type == Region.class || type == AwsCredentialsProvider.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == URI.class
          ? ENDPOINT
          : type == Region.class ? Region.EU_CENTRAL_1 : CREDENTIALS;
    }
  }

  @Test
  @DisplayName(
      "a competing resolver's URI and SDK types resolve beside the mock's client and handle")
  void bothExtensionsInjectSideBySide(
      URI other,
      Region region,
      AwsCredentialsProvider credentials,
      CognitoSyncClient sync,
      CognitoSyncMock mock) {
    assertThat(other).isEqualTo(OtherCloud.ENDPOINT);
    assertThat(region).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(credentials).isSameAs(OtherCloud.CREDENTIALS);
    Sync.put(sync, "k", "v");
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "v"));
  }

  @Test
  @DisplayName("the mock's endpoint is injected where the qualifier asks for it")
  void theQualifierSelectsTheMocksEndpoint(
      @CognitoSyncInject URI endpoint, URI other, CognitoSyncMock mock) {
    assertThat(endpoint).isEqualTo(mock.endpoint());
    assertThat(other).isEqualTo(OtherCloud.ENDPOINT);
  }
}
