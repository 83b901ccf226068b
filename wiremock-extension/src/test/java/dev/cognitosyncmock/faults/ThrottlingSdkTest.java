package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.IDENTITY;
import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static dev.cognitosyncmock.faults.FaultTestSupport.attempt;
import static dev.cognitosyncmock.faults.FaultTestSupport.journal;
import static dev.cognitosyncmock.faults.FaultTestSupport.list;
import static dev.cognitosyncmock.faults.FaultTestSupport.maxAttempts;
import static dev.cognitosyncmock.faults.FaultTestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InternalErrorException;
import software.amazon.awssdk.services.cognitosync.model.LambdaThrottledException;
import software.amazon.awssdk.services.cognitosync.model.TooManyRequestsException;

/**
 * Throttling with the real SDK v2 client and its default retry policy (SEMANTICS B7: the mock emits
 * TooManyRequestsException only through fault injection). The request journal shows each attempt
 * with the SDK's {@code amz-sdk-request: attempt=N; max=M} header.
 */
class ThrottlingSdkTest {
  CognitoSyncServer server;
  CognitoSyncClient client;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
    client = FaultTestSupport.sdk(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void B7_aThrottleOnTheSecondUpdateRecordsIsAbsorbedByTheSdksRetries() {
    FaultRule rule =
        server
            .service()
            .faults()
            .add(
                FaultRule.on("UpdateRecords")
                    .nthCall(2)
                    .error(ErrorShape.TooManyRequestsException));
    String token = list(client, "settings", 0).syncSessionToken();
    put(client, "settings", token, "theme", "dark", 0);
    // the second UpdateRecords is throttled once; the SDK retries and the caller never sees it
    put(client, "settings", token, "font", "large", 0);

    assertThat(list(client, "settings", 0).records())
        .extracting(r -> r.key() + "=" + r.value() + "@" + r.syncCount())
        .containsExactly("theme=dark@1", "font=large@2");
    List<LoggedRequest> updates = journal(server, "UpdateRecords");
    assertThat(updates).hasSize(3);
    assertThat(updates).extracting(FaultTestSupport::attempt).containsExactly(1, 1, 2);
    assertThat(server.service().faults().rules().fired(rule.id())).isEqualTo(1);
    assertThat(server.wireMock().getAllServeEvents())
        .filteredOn(e -> e.getResponse().getStatus() == 429)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getResponse().getHeaders().getHeader("x-amzn-ErrorType").firstValue())
                  .isEqualTo("TooManyRequestsException");
              assertThat(attempt(e.getRequest())).isEqualTo(1);
            });
  }

  @Test
  void B7_aThrottleThatOutlastsTheRetriesSurfacesToTheCaller() {
    FaultRule rule =
        server
            .service()
            .faults()
            .add(
                FaultRule.on("UpdateRecords")
                    .firstCalls(100)
                    .error(ErrorShape.TooManyRequestsException));
    String token = list(client, "settings", 0).syncSessionToken();

    assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            });

    List<LoggedRequest> updates = journal(server, "UpdateRecords");
    int max = maxAttempts(updates.get(0));
    assertThat(max).isGreaterThan(1); // the SDK did retry...
    assertThat(updates).hasSize(max); // ...every attempt it had, each one throttled
    assertThat(updates)
        .extracting(FaultTestSupport::attempt)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, max).boxed().toList());
    assertThat(server.service().faults().rules().fired(rule.id())).isEqualTo(max);
    // nothing was written
    assertThat(list(client, "settings", 0).datasetExists()).isFalse();
  }

  @Test
  void modeledErrorsSurfaceAsTheSdksExceptionTypes() {
    server
        .service()
        .faults()
        .add(
            FaultRule.on("UpdateRecords")
                .firstCalls(100)
                .error(ErrorShape.LambdaThrottledException, "SyncTrigger throttled"));
    server
        .service()
        .faults()
        .add(
            FaultRule.on("DescribeDataset")
                .firstCalls(100)
                .error(ErrorShape.InternalErrorException));
    CognitoSyncClient once = FaultTestSupport.sdkWithoutRetries(server.endpoint());
    String token = list(once, "settings", 0).syncSessionToken();
    assertThatThrownBy(() -> put(once, "settings", token, "k", "v", 0))
        .isInstanceOfSatisfying(
            LambdaThrottledException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("SyncTrigger throttled");
            });
    assertThatThrownBy(
            () ->
                once.describeDataset(
                    r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings")))
        .isInstanceOfSatisfying(
            InternalErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    once.close();
  }
}
