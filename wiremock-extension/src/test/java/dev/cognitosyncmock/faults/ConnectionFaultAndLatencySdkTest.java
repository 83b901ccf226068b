package dev.cognitosyncmock.faults;

import static dev.cognitosyncmock.faults.FaultTestSupport.IDENTITY;
import static dev.cognitosyncmock.faults.FaultTestSupport.POOL;
import static dev.cognitosyncmock.faults.FaultTestSupport.journal;
import static dev.cognitosyncmock.faults.FaultTestSupport.list;
import static dev.cognitosyncmock.faults.FaultTestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.protocol.ConnectionFault;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

/** WireMock's connection faults and response delays, carried out for fault rules. */
class ConnectionFaultAndLatencySdkTest {
  CognitoSyncServer server;

  @BeforeEach
  void start() {
    server = CognitoSyncServer.builder().build().start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @ParameterizedTest
  @EnumSource(ConnectionFault.class)
  void everyConnectionFaultBreaksTheCallAndTheCallIsServedOnceTheRuleIsRemoved(
      ConnectionFault fault) {
    // every call: HttpURLConnection itself quietly retries a GET on a dropped connection
    FaultRule rule =
        server.service().faults().add(FaultRule.on("ListRecords").connectionFault(fault));
    try (CognitoSyncClient once = FaultTestSupport.sdkWithoutRetries(server.endpoint())) {
      assertThatThrownBy(() -> list(once, "settings", 0))
          .isInstanceOf(RuntimeException.class) // SdkClientException, or the HTTP client's own
          .isNotInstanceOf(SdkServiceException.class); // never an answer from the service
      long fired = server.service().faults().rules().fired(rule.id());
      assertThat(fired).isPositive();
      assertThat(server.wireMock().getAllServeEvents())
          .filteredOn(e -> e.getResponse().getFault() != null)
          .hasSize((int) fired)
          .allSatisfy(e -> assertThat(e.getResponse().getFault()).hasToString(fault.name()));

      server.service().faults().rules().remove(rule.id());
      assertThat(list(once, "settings", 0).syncSessionToken()).isNotEmpty();
    }
  }

  @Test
  void aLostRequestIsNotAppliedAndTheSdksRetrySucceeds() {
    server
        .service()
        .faults()
        .add(
            FaultRule.on("UpdateRecords")
                .nthCall(1)
                .connectionFault(ConnectionFault.CONNECTION_RESET_BY_PEER, false));
    try (CognitoSyncClient client = FaultTestSupport.sdk(server.endpoint())) {
      String token = list(client, "settings", 0).syncSessionToken();
      put(client, "settings", token, "theme", "dark", 0); // retried after the reset
      assertThat(list(client, "settings", 0).records())
          .singleElement()
          .satisfies(r -> assertThat(r.syncCount()).isEqualTo(1));
      assertThat(journal(server, "UpdateRecords"))
          .extracting(FaultTestSupport::attempt)
          .containsExactly(1, 2);
    }
  }

  @Test
  void C2_aLostResponseIsAppliedSoTheSdksRetryConflicts() {
    // the write lands, the answer is lost, the SDK retries the same patch: now it is stale
    server
        .service()
        .faults()
        .add(
            FaultRule.on("UpdateRecords")
                .nthCall(1)
                .connectionFault(ConnectionFault.CONNECTION_RESET_BY_PEER, true));
    try (CognitoSyncClient client = FaultTestSupport.sdk(server.endpoint())) {
      String token = list(client, "settings", 0).syncSessionToken();
      assertThatThrownBy(() -> put(client, "settings", token, "theme", "dark", 0))
          .isInstanceOfSatisfying(
              ResourceConflictException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorMessage())
                      .isEqualTo("Current SyncCount for: theme is: 1 not: 0"));
      assertThat(list(client, "settings", 0).records())
          .singleElement()
          .satisfies(r -> assertThat(r.value()).isEqualTo("dark"));
    }
  }

  @Test
  void aFixedDelayHoldsTheAnswerBack() {
    server
        .service()
        .faults()
        .add(FaultRule.on("ListDatasets").nthCall(2).delay(Duration.ofMillis(400)));
    try (CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(server.endpoint())) {
      listDatasets(client); // warm up: the first call is not delayed
      long start = System.nanoTime();
      listDatasets(client);
      long delayedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(delayedMillis).isGreaterThanOrEqualTo(400);
    }
  }

  @Test
  void aRandomDelayStaysWithinItsBounds() {
    server
        .service()
        .faults()
        .add(FaultRule.on("ListDatasets").delay(Duration.ofMillis(150), Duration.ofMillis(250), 3));
    try (CognitoSyncClient client = FaultTestSupport.sdkWithoutRetries(server.endpoint())) {
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        listDatasets(client);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
      }
    }
  }

  @Test
  void aDelayLongerThanTheClientsTimeoutTimesTheCallOut() {
    server.service().faults().add(FaultRule.on("ListDatasets").delay(Duration.ofSeconds(2)));
    try (CognitoSyncClient impatient =
        FaultTestSupport.sdk(
            server.endpoint(),
            b -> b.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(300))))) {
      assertThatThrownBy(() -> listDatasets(impatient)).isInstanceOf(ApiCallTimeoutException.class);
    }
  }

  private static void listDatasets(CognitoSyncClient client) {
    client.listDatasets(r -> r.identityPoolId(POOL).identityId(IDENTITY));
  }
}
