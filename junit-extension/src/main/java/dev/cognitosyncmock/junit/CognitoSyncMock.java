package dev.cognitosyncmock.junit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetInfo;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.DatasetsPage;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.DatasetSnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.IdentitySnapshot;
import dev.cognitosyncmock.engine.EngineSnapshot.PoolSnapshot;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.IdentityKey;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.engine.PushNotification;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.StreamRecord;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.engine.SyncTriggerHandler;
import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioReplay;
import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test's handle on one running mock: seed and read state in Java terms, move the clock, see the
 * requests received, and reach WireMock for its own stubbing and verification.
 *
 * <p>Reads never change state: they work on an export, or only on pools that already exist, so
 * looking does not register a pool or open a sync session. Writes act as the developer account (the
 * {@code accountId} option), as a server-side tool would.
 *
 * <p>This is the one place tests talk to the mock: state, clock, requests received, side effects
 * (push notifications, stream records) and fault injection ({@link #faults()}, recordings and
 * scenarios).
 */
public final class CognitoSyncMock {
  private final RunningMock running;

  CognitoSyncMock(RunningMock running) {
    this.running = running;
  }

  // ------------------------------------------------------------------ where it is

  /** Where SDK clients point their endpoint override, e.g. {@code http://localhost:54321}. */
  public URI endpoint() {
    return running.server().endpoint();
  }

  public int port() {
    return running.server().port();
  }

  /** The WireMock server underneath: add stubs (they win over the mock) or verify requests. */
  public WireMockServer wireMock() {
    return running.server().wireMock();
  }

  /** The mock's server, for what the handle does not cover. */
  public CognitoSyncServer server() {
    return running.server();
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Back to the starting point: the seed (or nothing), the clock at its start (when the extension
   * made it), ids from the beginning, WireMock's own stubs and request journal cleared.
   */
  public void reset() {
    running.reset();
  }

  // ------------------------------------------------------------------ clock

  public Clock clock() {
    return engine().clock();
  }

  /** Moves a {@link MutableClock} forward; answers the new time. */
  public Instant advanceClock(Duration duration) {
    return mutableClock().advance(duration);
  }

  public void setClock(Instant instant) {
    mutableClock().set(instant);
  }

  private MutableClock mutableClock() {
    if (engine().clock() instanceof MutableClock clock) {
      return clock;
    }
    throw new IllegalStateException(
        "The mock runs on "
            + engine().clock()
            + ", which cannot be moved: start it with clockStartingAt(Instant) (builder) or"
            + " clockStart = \"2024-01-01T00:00:00Z\" (@CognitoSyncTest), or pass a MutableClock");
  }

  // ------------------------------------------------------------------ pools and identities

  /** Registers a pool: needed before use when pools are strict. */
  public void createIdentityPool(String identityPoolId) {
    engine().createIdentityPool(identityPoolId);
  }

  public boolean hasIdentityPool(String identityPoolId) {
    return engine().hasIdentityPool(identityPoolId);
  }

  /** The ids of every known pool, sorted. */
  public List<String> identityPools() {
    return exportState().identityPools().stream()
        .map(PoolSnapshot::identityPoolId)
        .sorted()
        .toList();
  }

  /** The ids of the pool's identities that hold data, sorted; empty for an unknown pool. */
  public List<String> identities(String identityPoolId) {
    return pool(identityPoolId)
        .map(p -> p.identities().stream().map(IdentitySnapshot::identityId).sorted().toList())
        .orElse(List.of());
  }

  /**
   * Merges {@code absorbedId} into {@code survivorId} as Cognito Identity does on linking logins;
   * answers the survivor's new dataset names ({@code X.<absorbedId>}).
   */
  public List<String> mergeIdentities(String identityPoolId, String survivorId, String absorbedId) {
    return engine().mergeIdentities(identityPoolId, survivorId, absorbedId);
  }

  /**
   * Says the pool's Kinesis stream (or its role) is gone: streaming turns off, and
   * GetIdentityPoolConfiguration reports {@code reason} as CognitoStreams.DisabledReason (a default
   * naming the stream and role when null). Refused unless streaming is on (SEMANTICS G5).
   */
  public void streamLost(String identityPoolId, String reason) {
    engine().streamLost(identityPoolId, reason);
  }

  // ------------------------------------------------------------------ datasets and records

  /**
   * Writes records as one sync outside any session (no conflict checks; quotas apply). A key mapped
   * to null is removed. Creates the pool (unless strict), identity and dataset as needed.
   */
  public List<SyncRecord> seed(
      String identityPoolId, String identityId, String datasetName, Map<String, String> values) {
    return engine()
        .putRecords(
            Caller.developer(
                running
                    .options()
                    .options()
                    .get(dev.cognitosyncmock.options.CognitoSyncOptions.ACCOUNT_ID)),
            new DatasetKey(identityPoolId, identityId, datasetName),
            values);
  }

  /** Every record of the dataset, removed ones (tombstones) included, by key; empty if none. */
  public List<SyncRecord> records(String identityPoolId, String identityId, String datasetName) {
    return datasetSnapshot(identityPoolId, identityId, datasetName)
        .filter(d -> d.exists() == null || d.exists())
        .map(d -> d.records().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList())
        .orElse(List.of());
  }

  /** The live values of the dataset as a map sorted by key: what a client would sync down. */
  public Map<String, String> values(String identityPoolId, String identityId, String datasetName) {
    Map<String, String> values = new LinkedHashMap<>();
    for (SyncRecord r : records(identityPoolId, identityId, datasetName)) {
      if (!r.isTombstone()) {
        values.put(r.key(), r.value());
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /** The dataset's metadata as DescribeDataset answers it; empty when it does not exist. */
  public Optional<DatasetInfo> dataset(
      String identityPoolId, String identityId, String datasetName) {
    if (!engine().hasIdentityPool(identityPoolId)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          engine()
              .describeDataset(
                  developer(), new DatasetKey(identityPoolId, identityId, datasetName)));
    } catch (ServiceException e) {
      if (e.shape() == ErrorShape.ResourceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The identity's existing datasets by name, as ListDatasets answers them. */
  public List<DatasetInfo> datasets(String identityPoolId, String identityId) {
    if (!engine().hasIdentityPool(identityPoolId)) {
      return List.of();
    }
    List<DatasetInfo> all = new ArrayList<>();
    String next = null;
    do {
      DatasetsPage page =
          engine()
              .listDatasets(developer(), new IdentityKey(identityPoolId, identityId), next, null);
      all.addAll(page.datasets());
      next = page.nextToken();
    } while (next != null);
    return List.copyOf(all);
  }

  // ------------------------------------------------------------------ whole state

  /** The whole state as plain values (the admin API's export document). */
  public EngineSnapshot exportState() {
    return engine().exportState();
  }

  /** Replaces the whole state; counts and dates left out are filled in. */
  public void importState(EngineSnapshot snapshot) {
    engine().importState(snapshot);
  }

  /** Replaces the whole state with a JSON document in the export format. */
  public void importState(Path json) {
    engine().importState(AdminApi.readState(json));
  }

  // ------------------------------------------------------------------ side effects

  /** Push notifications sent so far, oldest first (SEMANTICS G4). */
  public List<PushNotification> pushNotifications() {
    return engine().sideEffects().pushNotifications();
  }

  /** Push notifications sent to one device, oldest first. */
  public List<PushNotification> pushNotifications(String deviceId) {
    return engine().sideEffects().pushNotifications(deviceId);
  }

  /** Records put on one Cognito stream so far, oldest first (SEMANTICS G5, G6). */
  public List<StreamRecord> streamRecords(String streamName) {
    return engine().sideEffects().streamRecords(streamName);
  }

  /** Every stream's records, by stream name. */
  public Map<String, List<StreamRecord>> streamRecords() {
    return engine().sideEffects().streamRecords();
  }

  /**
   * Stands {@code handler} in for the pool's SyncTrigger Lambda (SEMANTICS G3); null removes it. It
   * runs while the pool's Cognito events name a SyncTrigger.
   */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    engine().setSyncTriggerHandler(identityPoolId, handler);
  }

  // ------------------------------------------------------------------ faults and scenarios

  /**
   * The fault rules: {@code mock.faults().add(FaultRule.on("UpdateRecords").nthCall(2)
   * .error(ErrorShape.TooManyRequestsException))}, {@code list()}, {@code fired(id)}, {@code
   * remove(id)}. See docs/faults.md.
   */
  public MockFaults faults() {
    return new MockFaults(faultInjector());
  }

  /** Starts recording every call into a scenario (forgetting any earlier recording). */
  public void startRecording() {
    startRecording("recorded");
  }

  public void startRecording(String name) {
    faultInjector().startRecording(name);
  }

  /**
   * Stops recording and answers the calls made since {@link #startRecording()}, in order, with
   * their answers; {@link FaultJson#scenarioFile(Scenario)} writes it as a file.
   */
  public Scenario stopRecording() {
    return faultInjector().stopRecording();
  }

  /** Stops recording and writes the scenario file to {@code file}; answers the scenario. */
  public Scenario stopRecording(Path file) {
    Scenario scenario = stopRecording();
    try {
      java.nio.file.Files.write(file, FaultJson.scenarioFile(scenario));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write " + file, e);
    }
    return scenario;
  }

  /**
   * Replays {@code scenario} from the next call on: its marked steps fail as marked, every other
   * call is answered by the mock as usual.
   */
  public void loadScenario(Scenario scenario) {
    faultInjector().loadScenario(scenario);
  }

  /**
   * Replays a scenario file: a classpath resource ({@code scenario.json}, {@code
   * classpath:scenario.json}) or {@code file:path/to/scenario.json}.
   */
  public void loadScenario(String location) {
    loadScenario(
        FaultAnnotations.loadScenario(
            location,
            Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : CognitoSyncMock.class.getClassLoader()));
  }

  public void loadScenario(Path file) {
    loadScenario(FaultJson.readScenario(file));
  }

  /** Where the replayed scenario stands: position, faults fired, divergences; empty if none. */
  public Optional<ScenarioReplay.Status> scenarioStatus() {
    return faultInjector().replayStatus();
  }

  public void unloadScenario() {
    faultInjector().unloadScenario();
  }

  private FaultInjector faultInjector() {
    return running.server().service().faults();
  }

  // ------------------------------------------------------------------ requests received

  /**
   * The requests served since the start or the last reset, oldest first, as far as WireMock's
   * journal reaches (1000 entries unless {@code requestJournalSize} says otherwise).
   */
  public List<ReceivedRequest> requests() {
    List<ServeEvent> events = new ArrayList<>(wireMock().getAllServeEvents());
    Collections.reverse(events); // WireMock lists newest first
    return events.stream().map(CognitoSyncMock::received).toList();
  }

  /** The received requests for one operation, oldest first. */
  public List<ReceivedRequest> requests(String operation) {
    return requests().stream().filter(r -> operation.equals(r.operation())).toList();
  }

  private static ReceivedRequest received(ServeEvent event) {
    String method = event.getRequest().getMethod().getName();
    String url = event.getRequest().getUrl();
    int status = event.getResponse() == null ? 0 : event.getResponse().getStatus();
    return new ReceivedRequest(method, url, OperationNames.of(method, url), status);
  }

  // ------------------------------------------------------------------ Cognito Identity

  /**
   * The Cognito Identity side of the mock: seed pools ({@code createIdentityPool}), identities and
   * logins ({@code getId}), developer users, roles; read them back.
   */
  public dev.cognitosyncmock.identity.IdentityEngine identity() {
    return running.server().service().identity().engine();
  }

  /**
   * Signs in as a new guest of {@code identityPoolId} the way an app does (GetId, then
   * GetCredentialsForIdentity) and answers a Sync client of {@code clientType} ({@code
   * CognitoSyncClient} or {@code CognitoSyncAsyncClient}) signed with the credentials it got. The
   * pool must exist and allow guests, with an unauthenticated role.
   */
  public <T> T guestSyncClient(Class<T> clientType, String identityPoolId) {
    requireSyncClientType(clientType);
    String identityId = identity().getId(identityPoolId, Map.of());
    return signedInSyncClient(clientType, identityId, Map.of());
  }

  /**
   * GetCredentialsForIdentity for {@code identityId} with {@code logins}, and a Sync client of
   * {@code clientType} signed with the credentials it issued (the identity may change by a merge:
   * the client acts for the survivor).
   */
  public <T> T signedInSyncClient(
      Class<T> clientType, String identityId, Map<String, String> logins) {
    requireSyncClientType(clientType);
    var issued = identity().getCredentialsForIdentity(identityId, logins, null).credentials();
    return clientType.cast(IdentitySdkClients.syncClient(clientType.getName(), issued, running));
  }

  private static void requireSyncClientType(Class<?> clientType) {
    if (!clientType.getName().equals(SdkClients.SYNC_CLIENT)
        && !clientType.getName().equals(SdkClients.ASYNC_CLIENT)) {
      throw new IllegalArgumentException(
          "A Sync client is a CognitoSyncClient or CognitoSyncAsyncClient, not "
              + clientType.getName());
    }
  }

  // ------------------------------------------------------------------ internals

  /** The engine itself, for what the handle does not cover yet. */
  public SyncEngine engine() {
    return running.server().service().engine();
  }

  private Caller developer() {
    return Caller.developer(
        running.options().options().get(dev.cognitosyncmock.options.CognitoSyncOptions.ACCOUNT_ID));
  }

  private Optional<PoolSnapshot> pool(String identityPoolId) {
    return exportState().identityPools().stream()
        .filter(p -> p.identityPoolId().equals(identityPoolId))
        .findFirst();
  }

  private Optional<DatasetSnapshot> datasetSnapshot(
      String identityPoolId, String identityId, String datasetName) {
    return pool(identityPoolId).stream()
        .flatMap(p -> p.identities().stream())
        .filter(i -> i.identityId().equals(identityId))
        .flatMap(i -> i.datasets() == null ? Stream.empty() : i.datasets().stream())
        .filter(d -> d.datasetName().equals(datasetName))
        .findFirst();
  }

  @Override
  public String toString() {
    return "CognitoSyncMock[" + endpoint() + "]";
  }
}
