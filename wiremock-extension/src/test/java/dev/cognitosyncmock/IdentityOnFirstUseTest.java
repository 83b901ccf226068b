package dev.cognitosyncmock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.identity.PoolConfig;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cognito Identity's protocol is built on the first Identity request, not when the mock starts;
 * what the mock answers is the same either way.
 */
class IdentityOnFirstUseTest {
  private final CognitoSyncService service = CognitoSyncService.createDefault();

  private String pool() {
    return service
        .identity()
        .engine()
        .createIdentityPool(
            new PoolConfig(null, "first-use", true, null, null, null, null, null, null, null))
        .identityPoolId();
  }

  private ProtocolResponse getId(String pool) {
    return service.handle(
        new ProtocolRequest(
            "POST",
            "/",
            Map.of(
                "X-Amz-Target",
                "AWSCognitoIdentityService.GetId",
                "Content-Type",
                "application/x-amz-json-1.1"),
            ("{\"IdentityPoolId\":\"" + pool + "\"}").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @Timeout(60)
  @DisplayName("H1: concurrent first Identity requests are all served, each once")
  void concurrentFirstIdentityRequests() throws Exception {
    String pool = pool();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<Future<ProtocolResponse>> responses = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      responses.add(
          executor.submit(
              () -> {
                start.await();
                return getId(pool);
              }));
    }
    start.countDown();
    Set<String> bodies = new HashSet<>();
    for (Future<ProtocolResponse> response : responses) {
      assertThat(response.get().status()).isEqualTo(200);
      bodies.add(new String(response.get().body(), StandardCharsets.UTF_8));
    }
    executor.shutdown();

    assertThat(bodies).hasSize(threads); // a new identity each
    assertThat(service.identity().engine().listIdentities(pool, 60, null, false).identities())
        .hasSize(threads);
  }

  @Test
  @DisplayName("fault rules added before the first Identity request apply to it")
  void faultRuleBeforeFirstIdentityRequest() {
    String pool = pool();
    service
        .faults()
        .add(FaultRule.on("GetId").firstCalls(1).error(ErrorShape.ExternalServiceException));

    ProtocolResponse refused = getId(pool);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8))
        .contains("ExternalServiceException");
    assertThat(getId(pool).status()).isEqualTo(200);
  }
}
