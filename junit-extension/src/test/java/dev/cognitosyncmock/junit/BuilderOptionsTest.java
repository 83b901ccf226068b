package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cognitosyncmock.engine.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.Operation;

/** Each builder option, one nested class (and so one mock) per option. */
class BuilderOptionsTest {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Nested
  class FixedPort {
    static final int PORT = freePort();

    @RegisterExtension
    static CognitoSyncExtension ext = CognitoSyncExtension.newInstance().port(PORT).build();

    @Test
    void listensOnTheGivenPort(CognitoSyncMock mock) {
      assertThat(mock.port()).isEqualTo(PORT);
      assertThat(ext.mock()).isSameAs(mock);
    }
  }

  @Nested
  class StrictPools {
    @RegisterExtension
    static CognitoSyncExtension ext = CognitoSyncExtension.newInstance().strictPools(true).build();

    @Test
    void unknownPoolIsNotFoundUntilCreated(CognitoSyncClient sync, CognitoSyncMock mock) {
      // ListRecords models no ResourceNotFoundException, so the mock answers InvalidParameter
      assertThatThrownBy(() -> Sync.token(sync))
          .isInstanceOf(CognitoSyncException.class)
          .hasMessageContaining("IdentityPool not found");
      mock.createIdentityPool(Sync.POOL);
      assertThat(Sync.token(sync)).isNotBlank();
    }
  }

  @Nested
  class TokenExpiryAndDeterministicClock {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance()
            .clockStartingAt(START)
            .tokenExpiry(Duration.ofMinutes(5))
            .build();

    @Test
    void aTokenExpiresWhenTheClockIsAdvancedPastIt(CognitoSyncClient sync, CognitoSyncMock mock) {
      String token = Sync.token(sync);
      assertThat(mock.advanceClock(Duration.ofMinutes(6))).isEqualTo(START.plusSeconds(360));
      assertThatThrownBy(
              () ->
                  sync.updateRecords(
                      r ->
                          r.identityPoolId(Sync.POOL)
                              .identityId(Sync.ID)
                              .datasetName(Sync.DATASET)
                              .syncSessionToken(token)
                              .recordPatches(
                                  p -> p.op(Operation.REPLACE).key("k").value("v").syncCount(0L))))
          .isInstanceOf(CognitoSyncException.class);
    }

    @Test
    void datesComeFromTheClockWhichRewindsOnReset(CognitoSyncClient sync, CognitoSyncMock mock) {
      assertThat(mock.clock().instant()).isEqualTo(START);
      mock.setClock(START.plusSeconds(42));
      Sync.put(sync, "k", "v");
      assertThat(mock.dataset(Sync.POOL, Sync.ID, Sync.DATASET).orElseThrow().creationDate())
          .isEqualTo(START.plusSeconds(42));
      mock.reset();
      assertThat(mock.clock().instant()).isEqualTo(START);
    }
  }

  @Nested
  class GivenClock {
    static final MutableClock CLOCK = new MutableClock(START);

    @RegisterExtension
    static CognitoSyncExtension ext = CognitoSyncExtension.newInstance().clock(CLOCK).build();

    @Test
    void usesTheClockAsGiven(CognitoSyncMock mock) {
      assertThat(mock.clock()).isSameAs(CLOCK);
      mock.advanceClock(Duration.ofDays(1));
      assertThat(CLOCK.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
    }
  }

  @Nested
  class SystemClock {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().clock(Clock.systemUTC()).build();

    @Test
    void cannotBeAdvancedAndSaysHowToGetOneThatCan(CognitoSyncMock mock) {
      assertThatThrownBy(() -> mock.advanceClock(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("clockStartingAt");
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class SequentialIds {
    static String firstToken;

    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().clockStartingAt(START).sequentialIds().build();

    @Test
    @Order(1)
    void first(CognitoSyncClient sync) {
      firstToken = Sync.token(sync);
    }

    @Test
    @Order(2)
    void idsStartOverAfterTheReset(CognitoSyncClient sync) {
      assertThat(Sync.token(sync)).isEqualTo(firstToken);
      assertThat(Sync.token(sync)).isNotEqualTo(firstToken);
    }
  }

  @Nested
  class CustomIds {
    static final AtomicInteger SOURCES = new AtomicInteger();

    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance()
            .ids(
                () -> {
                  int n = SOURCES.incrementAndGet();
                  return () -> "id-" + n;
                })
            .build();

    @Test
    void theSupplierIsAskedAgainOnReset(CognitoSyncMock mock) {
      int before = SOURCES.get();
      mock.reset();
      assertThat(SOURCES.get()).isEqualTo(before + 1);
    }
  }

  @Nested
  class AccountId {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().accountId("999988887777").build();

    @Test
    void developerWritesActAsTheAccount(CognitoSyncClient sync, CognitoSyncMock mock) {
      Sync.put(sync, "k", "v");
      assertThat(mock.records(Sync.POOL, Sync.ID, Sync.DATASET).get(0).lastModifiedBy())
          .isEqualTo("999988887777");
    }
  }

  @Nested
  class SeedFromClasspath {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().seedFromClasspath("seed-state.json").build();

    @Test
    void startsWithTheSeed(CognitoSyncClient sync) {
      assertThat(Sync.records(sync))
          .extracting(r -> r.key() + "=" + r.value())
          .containsExactly("theme=dark");
    }

    @Test
    void resetGoesBackToTheSeed(CognitoSyncMock mock) {
      mock.seed(Sync.POOL, Sync.ID, Sync.DATASET, Map.of("extra", "x"));
      mock.reset();
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
    }
  }

  @Nested
  class SeedFromFile {
    static final Path FILE = copyOfSeed();

    @RegisterExtension
    static CognitoSyncExtension ext = CognitoSyncExtension.newInstance().seedFromFile(FILE).build();

    @Test
    void startsWithTheSeed(CognitoSyncMock mock) {
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClassReset {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().reset(ResetPolicy.PER_CLASS).build();

    @Test
    @Order(1)
    void writes(CognitoSyncClient sync) {
      Sync.put(sync, "shared", "yes");
    }

    @Test
    @Order(2)
    void theNextTestSeesIt(CognitoSyncMock mock) {
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).containsEntry("shared", "yes");
      assertThat(mock.requests()).isNotEmpty();
    }
  }

  @Nested
  class RequestJournalSize {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance().requestJournalSize(2).build();

    @Test
    void keepsOnlyTheNewest(CognitoSyncClient sync, CognitoSyncMock mock) {
      Sync.token(sync);
      Sync.token(sync);
      Sync.put(sync, "k", "v");
      assertThat(mock.requests())
          .extracting(ReceivedRequest::operation)
          .containsExactly("ListRecords", "UpdateRecords");
    }
  }

  @Nested
  class WireMockOptionsAndVerbose {
    @RegisterExtension
    static CognitoSyncExtension ext =
        CognitoSyncExtension.newInstance()
            .verbose(true)
            .wireMockOptions(c -> c.stubCorsEnabled(true))
            .build();

    @Test
    void optionsReachWireMock(CognitoSyncMock mock) {
      assertThat(mock.wireMock().getOptions().getStubCorsEnabled()).isTrue();
    }
  }

  @Nested
  class WireMockStubsWin {
    @RegisterExtension static CognitoSyncExtension ext = CognitoSyncExtension.newInstance().build();

    @Test
    void aUserStubAnswersInsteadOfTheMock(CognitoSyncClient sync, CognitoSyncMock mock) {
      mock.wireMock()
          .stubFor(
              WireMock.get(WireMock.urlPathMatching(".*/records"))
                  .willReturn(
                      WireMock.aResponse()
                          .withStatus(500)
                          .withHeader("x-amzn-ErrorType", "InternalErrorException")
                          .withBody("{\"message\":\"injected\"}")));
      assertThatThrownBy(() -> Sync.token(sync)).isInstanceOf(CognitoSyncException.class);
      mock.wireMock().verify(WireMock.getRequestedFor(WireMock.urlPathMatching(".*/records")));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path copyOfSeed() {
    try (InputStream in = BuilderOptionsTest.class.getResourceAsStream("/seed-state.json")) {
      Path file = Files.createTempFile("cognito-sync-seed", ".json");
      Files.write(file, in.readAllBytes());
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
