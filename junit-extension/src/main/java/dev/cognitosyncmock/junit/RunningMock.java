package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.admin.StateDocument;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioJson;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.ConfigurationFiles;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One started mock and what the extension made for it (SDK clients), kept in the JUnit store of the
 * class (or, for an instance-field extension, of the test) that started it.
 */
final class RunningMock {
  private final MockOptions options;
  private final CognitoSyncServer server;
  private final MutableClock ownClock;
  private final RestartableIds ids;
  private final EngineSnapshot seed;
  private final dev.cognitosyncmock.identity.IdentityStateDocument identitySeed;

  /** The options' scenario file, replayed from the start after every reset; or null. */
  private final Scenario scenario;

  private final CognitoSyncMock handle;
  private Baseline baseline;

  /** The developer key the injected clients sign with. */
  static final AccessKey DEVELOPER_KEY =
      AccessKey.developer("AKIDCOGNITOSYNCMOCK", "cognito-sync-mock-secret");

  /** Clients by type, made on first injection; closed, newest first, when the mock stops. */
  private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();

  private RunningMock(MockOptions options, ClassLoader loader) {
    this.options = options;
    this.ownClock =
        options.clock() == null && options.clockStart() != null
            ? new MutableClock(options.clockStart())
            : null;
    Clock clock =
        ownClock != null ? ownClock : options.clock() != null ? options.clock() : Clock.systemUTC();
    this.ids = new RestartableIds(options.ids());
    StateSeed seedSource = options.effectiveSeed();
    StateDocument seedDocument = seedSource == null ? null : seedSource.load(loader);
    this.seed = seedDocument == null ? null : seedDocument.sync();
    // the seed and the scenario are loaded below, and again on every reset, not by the service
    CognitoSyncOptions serviceOptions =
        options
            .options()
            .without(CognitoSyncOptions.SEED_FILE)
            .without(CognitoSyncOptions.SCENARIO_FILE)
            .without(CognitoSyncOptions.IDENTITY_SEED_FILE);
    this.identitySeed =
        seedDocument != null && seedDocument.identity() != null
            ? seedDocument.identity()
            : options.options().isSet(CognitoSyncOptions.IDENTITY_SEED_FILE)
                ? ConfigurationFiles.read(
                    CognitoSyncOptions.IDENTITY_SEED_FILE,
                    options.options(),
                    dev.cognitosyncmock.admin.IdentityAdminRoutes::readState)
                : null;
    this.scenario =
        options.options().isSet(CognitoSyncOptions.SCENARIO_FILE)
            ? ConfigurationFiles.read(
                CognitoSyncOptions.SCENARIO_FILE, options.options(), ScenarioJson::readScenario)
            : null;
    CognitoSyncService service =
        CognitoSyncService.builder()
            .settings(options.settings())
            .options(serviceOptions)
            .clock(clock)
            .ids(ids)
            .credentials(withOwnKey(options.credentials()))
            .build();
    this.server =
        CognitoSyncServer.builder()
            .service(service)
            .options(serviceOptions)
            .wireMockOptions(options.wireMockOptions())
            .build();
    if (seed != null) {
      service.engine().importState(seed);
    }
    if (identitySeed != null) { // after Sync's: the pools it creates are Sync's too
      service.identity().engine().importState(identitySeed);
    }
    if (scenario != null) {
      service.faults().loadScenario(scenario);
    }
    this.handle = new CognitoSyncMock(this);
  }

  /** The injected clients' developer key is always known, so signature checks accept them. */
  private static List<AccessKey> withOwnKey(List<AccessKey> keys) {
    List<AccessKey> all = new ArrayList<>(keys);
    if (all.stream().noneMatch(k -> k.accessKeyId().equals(DEVELOPER_KEY.accessKeyId()))) {
      all.add(DEVELOPER_KEY);
    }
    return all;
  }

  static RunningMock start(MockOptions options, ClassLoader loader) {
    RunningMock mock = new RunningMock(options, loader);
    mock.server.start();
    return mock;
  }

  MockOptions options() {
    return options;
  }

  CognitoSyncServer server() {
    return server;
  }

  CognitoSyncMock handle() {
    return handle;
  }

  /** The client of this type, made once per mock by {@code factory}. */
  synchronized <T extends AutoCloseable> T client(Class<T> type, Function<RunningMock, T> factory) {
    return client(type, "", factory);
  }

  /** The client of this type for one qualifier (an identity id, or "" for the developer). */
  synchronized <T extends AutoCloseable> T client(
      Class<T> type, String qualifier, Function<RunningMock, T> factory) {
    String key = type.getName() + "#" + qualifier;
    AutoCloseable client = clients.get(key);
    if (client == null) {
      client = factory.apply(this); // may register a client of its own (an HTTP client) first
      clients.put(key, client);
    }
    return type.cast(client);
  }

  /** Back to the seed: what the handle's {@code reset()} does. */
  void reset() {
    restore(seed, identitySeed, options.clockStart());
  }

  /**
   * Remembers the state as the class's tests should each find it: the seed plus whatever the
   * {@code @BeforeAll} methods wrote. Taken when the class's first test is about to run.
   */
  synchronized void markBaseline() {
    baseline =
        new Baseline(
            server.service().engine().exportState(),
            server.service().identity().engine().exportState(),
            ownClock == null ? null : ownClock.instant(),
            server.service().faults().rules().list().stream()
                .map(dev.cognitosyncmock.faults.FaultRules.Status::rule)
                .toList());
  }

  boolean hasBaseline() {
    return baseline != null;
  }

  /** Back to the baseline, before each test under {@link ResetPolicy#PER_TEST}. */
  synchronized void restoreBaseline() {
    restore(baseline.state(), baseline.identityState(), baseline.clockTime());
    // the fault rules the @BeforeAll methods added, counted afresh
    server.service().faults().rules().addAll(baseline.faultRules());
  }

  private void restore(
      EngineSnapshot state,
      dev.cognitosyncmock.identity.IdentityStateDocument identityState,
      Instant clockTime) {
    // no rules, scenario or recording left over (a baseline's rules are added back after),
    // except what the options start with: their recording goes on, their scenario starts again
    FaultInjector faults = server.service().faults();
    if (options.options().isSet(CognitoSyncOptions.RECORD_FROM)) {
      faults.rules().clear();
      faults.unloadScenario();
    } else {
      faults.clear();
    }
    if (scenario != null) {
      faults.loadScenario(scenario);
    }
    if (ownClock != null && clockTime != null) {
      ownClock.set(clockTime);
    }
    ids.restart();
    // reset first: it also forgets captured side effects and SyncTrigger handlers, which no
    // state document carries
    server.service().engine().reset();
    if (state != null) {
      server.service().engine().importState(state);
    }
    // Cognito Identity's pools, identities and keys go back too (after Sync: its pools are Sync's)
    if (identityState != null) {
      server.service().identity().engine().importState(identityState);
    } else {
      server.service().identity().engine().reset();
    }
    // user stubs and the journal go, as with WireMock's own extension; WireMock reloads our
    // catch-all stub on reset
    server.wireMock().resetAll();
  }

  private record Baseline(
      EngineSnapshot state,
      dev.cognitosyncmock.identity.IdentityStateDocument identityState,
      Instant clockTime,
      List<dev.cognitosyncmock.faults.FaultRule> faultRules) {}

  synchronized void stop() {
    List<Exception> failures = new ArrayList<>();
    List<AutoCloseable> newestFirst = new ArrayList<>(clients.values());
    Collections.reverse(newestFirst);
    for (AutoCloseable client : newestFirst) {
      try {
        client.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    clients.clear();
    server.stop(); // saves a recording, when recording
    server.service().close(); // a final snapshot, when persistent
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("Closing SDK clients failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }
}
