package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import dev.cognitosyncmock.junit.ReceivedRequest;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsRequest;

/**
 * The race the sync loop exists for: another device writes between this device's ListRecords and
 * its UpdateRecords. The mock answers 409 ResourceConflictException exactly as the service does
 * (SEMANTICS C2), so the test only has to make the race happen at the right moment: an SDK
 * interceptor runs "the other device" (a write through the handle) just before UpdateRecords.
 */
@CognitoSyncTest
class ConcurrentWriteTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String USER = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  /** Runs {@code otherDevice} before the first {@code times} UpdateRecords calls. */
  static CognitoSyncClient clientWithRace(URI endpoint, int times, Runnable otherDevice) {
    AtomicInteger left = new AtomicInteger(times);
    ExecutionInterceptor race = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateRecordsRequest && left.getAndDecrement() > 0) {
          otherDevice.run();
        }
      }
    };
    return CognitoSyncClient.builder()
        .endpointOverride(endpoint) // the injected URI: build your own client when you need to
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(race))
        .build();
  }

  @Test
  void aConcurrentWriteIsListedAgainAndRetried(URI endpoint, CognitoSyncMock mock) {
    AtomicInteger laptopWrites = new AtomicInteger();
    try (CognitoSyncClient client = clientWithRace(endpoint, 1,
        () -> mock.seed(POOL, USER, "settings", Map.of("theme", "laptop-" + laptopWrites.incrementAndGet())))) {
      SettingsStore phone = new SettingsStore(client, POOL, USER, SettingsStore.DEFAULT_DATASET,
          ConflictResolver.localWins(), java.time.Clock.systemUTC());
      phone.put("theme", "dark");

      SyncResult result = phone.sync();

      assertThat(result.retries()).isEqualTo(1);
      assertThat(result.conflicts()).isEqualTo(1); // the re-listing showed the laptop's value
      assertThat(mock.values(POOL, USER, "settings")).containsEntry("theme", "dark");
      assertThat(mock.requests("UpdateRecords")).extracting(ReceivedRequest::status)
          .containsExactly(409, 200);
    }
  }

  @Test
  void afterThreeRetriesTheSyncGivesUp(URI endpoint, CognitoSyncMock mock) {
    AtomicInteger laptopWrites = new AtomicInteger();
    try (CognitoSyncClient client = clientWithRace(endpoint, Integer.MAX_VALUE,
        () -> mock.seed(POOL, USER, "settings", Map.of("theme", "laptop-" + laptopWrites.incrementAndGet())))) {
      SettingsStore phone = new SettingsStore(client, POOL, USER, SettingsStore.DEFAULT_DATASET,
          ConflictResolver.localWins(), java.time.Clock.systemUTC());
      phone.put("theme", "dark");

      assertThatThrownBy(phone::sync)
          .isInstanceOf(SyncFailedException.class)
          .hasMessageContaining("exceeded maximum retries (3)")
          .hasMessageContaining("Current SyncCount for: theme is: 4 not: 3");
      // the first try and three retries, each beaten by the laptop
      assertThat(mock.requests("UpdateRecords")).extracting(ReceivedRequest::status)
          .containsExactly(409, 409, 409, 409);
      assertThat(phone.hasLocalChanges()).isTrue(); // nothing lost: the next sync tries again
    }
  }
}
