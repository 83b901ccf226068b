package dev.cognitosyncmock.junit.nosdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.junit.CognitoSyncInject;
import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs in the surefire execution {@code without-aws-sdk}, whose classpath has no {@code
 * software.amazon.awssdk} artifact: the handle and the endpoint still work.
 */
@CognitoSyncTest
class WithoutSdkTest {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ID = "us-east-1:00000000-0000-0000-0000-00000000000a";

  @Test
  void theSdkIsReallyAbsent() {
    assertThatThrownBy(
            () -> Class.forName("software.amazon.awssdk.services.cognitosync.CognitoSyncClient"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void handleAndEndpointWork(CognitoSyncMock mock, @CognitoSyncInject URI endpoint)
      throws Exception {
    mock.seed(POOL, ID, "prefs", Map.of("k", "v"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        endpoint.resolve(
                            "/identitypools/"
                                + POOL
                                + "/identities/"
                                + ID
                                + "/datasets/prefs/records"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"Value\":\"v\"");
    assertThat(mock.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.operation()).isEqualTo("ListRecords"));
  }
}
