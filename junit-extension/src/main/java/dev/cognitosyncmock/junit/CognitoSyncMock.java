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
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioJson;
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

  /**
   * {@return where SDK clients point their endpoint override, e.g. {@code http://localhost:54321}}
   */
  public URI endpoint() {
    return running.server().endpoint();
  }

  /** {@return the port the mock listens on} */
  public int port() {
    return running.server().port();
  }

  /**
   * {@return the WireMock server underneath: add stubs (they win over the mock) or verify requests}
   */
  public WireMockServer wireMock() {
    return running.server().wireMock();
  }

  /** {@return the mock's server, for what the handle does not cover} */
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

  /** {@return the clock the mock runs on} */
  public Clock clock() {
    return engine().clock();
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far
   * @return the new time
   * @throws IllegalStateException if the clock is not a {@link MutableClock}
   */
  public Instant advanceClock(Duration duration) {
    return mutableClock().advance(duration);
  }

  /**
   * Sets the clock to a time, earlier or later.
   *
   * @param instant the new time
   * @throws IllegalStateException if the clock is not a {@link MutableClock}
   */
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

  /**
   * Registers a pool: needed before use when pools are strict.
   *
   * @param identityPoolId the pool id, e.g. {@code us-east-1:...}
   */
  public void createIdentityPool(String identityPoolId) {
    engine().createIdentityPool(identityPoolId);
  }

  /**
   * {@return whether the pool is known, without registering it}
   *
   * @param identityPoolId the pool id
   */
  public boolean hasIdentityPool(String identityPoolId) {
    return engine().hasIdentityPool(identityPoolId);
  }

  /** {@return the ids of every known pool, sorted} */
  public List<String> identityPools() {
    return exportState().identityPools().stream()
        .map(PoolSnapshot::identityPoolId)
        .sorted()
        .toList();
  }

  /**
   * {@return the ids of the pool's identities that hold data, sorted; empty for an unknown pool}
   *
   * @param identityPoolId the pool id
   */
  public List<String> identities(String identityPoolId) {
    return pool(identityPoolId)
        .map(p -> p.identities().stream().map(IdentitySnapshot::identityId).sorted().toList())
        .orElse(List.of());
  }

  /**
   * Merges one identity into another as Cognito Identity does on linking logins.
   *
   * @param identityPoolId the pool both belong to
   * @param survivorId the identity that remains
   * @param absorbedId the identity merged into it
   * @return the survivor's new dataset names ({@code X.<absorbedId>})
   */
  public List<String> mergeIdentities(String identityPoolId, String survivorId, String absorbedId) {
    return engine().mergeIdentities(identityPoolId, survivorId, absorbedId);
  }

  /**
   * Says the pool's Kinesis stream (or its role) is gone: streaming turns off, and
   * GetIdentityPoolConfiguration reports the reason as CognitoStreams.DisabledReason.
   *
   * @param identityPoolId the pool id
   * @param reason the reason, or null for a default naming the stream and role
   * @throws dev.cognitosyncmock.engine.ServiceException unless streaming is on (SEMANTICS G5)
   */
  public void streamLost(String identityPoolId, String reason) {
    engine().streamLost(identityPoolId, reason);
  }

  // ------------------------------------------------------------------ datasets and records

  /**
   * Writes records as one sync outside any session (no conflict checks; quotas apply). Creates the
   * pool (unless strict), identity and dataset as needed.
   *
   * @param identityPoolId the pool id
   * @param identityId the identity id
   * @param datasetName the dataset
   * @param values values by key; a key mapped to null is removed
   * @return the records written
   * @throws dev.cognitosyncmock.engine.ServiceException for an unknown pool when pools are strict,
   *     or a quota exceeded
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

  /**
   * Every record of a dataset, removed ones (tombstones) included.
   *
   * @param identityPoolId the pool id
   * @param identityId the identity id
   * @param datasetName the dataset
   * @return the records by key; empty if the dataset does not exist
   */
  public List<SyncRecord> records(String identityPoolId, String identityId, String datasetName) {
    return datasetSnapshot(identityPoolId, identityId, datasetName)
        .filter(d -> d.exists() == null || d.exists())
        .map(d -> d.records().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList())
        .orElse(List.of());
  }

  /**
   * The live values of a dataset: what a client would sync down.
   *
   * @param identityPoolId the pool id
   * @param identityId the identity id
   * @param datasetName the dataset
   * @return the values sorted by key, unmodifiable; empty if the dataset does not exist
   */
  public Map<String, String> values(String identityPoolId, String identityId, String datasetName) {
    Map<String, String> values = new LinkedHashMap<>();
    for (SyncRecord r : records(identityPoolId, identityId, datasetName)) {
      if (!r.isTombstone()) {
        values.put(r.key(), r.value());
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * The dataset's metadata as DescribeDataset answers it.
   *
   * @param identityPoolId the pool id
   * @param identityId the identity id
   * @param datasetName the dataset
   * @return the metadata; empty when the dataset does not exist
   */
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

  /**
   * The identity's existing datasets, as ListDatasets answers them.
   *
   * @param identityPoolId the pool id
   * @param identityId the identity id
   * @return the datasets by name; empty for an unknown pool
   */
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

  /** {@return the whole state as plain values (the admin API's export document)} */
  public EngineSnapshot exportState() {
    return engine().exportState();
  }

  /**
   * Replaces the whole state; counts and dates left out are filled in.
   *
   * @param snapshot the new state
   */
  public void importState(EngineSnapshot snapshot) {
    engine().importState(snapshot);
  }

  /**
   * Replaces the whole state with a JSON document in the export format.
   *
   * @param json the document's file
   * @throws IllegalArgumentException if the document is invalid
   */
  public void importState(Path json) {
    engine().importState(AdminApi.readState(json));
  }

  // ------------------------------------------------------------------ side effects

  /** {@return push notifications sent so far, oldest first (SEMANTICS G4)} */
  public List<PushNotification> pushNotifications() {
    return engine().sideEffects().pushNotifications();
  }

  /**
   * {@return push notifications sent to one device, oldest first}
   *
   * @param deviceId the device id, as RegisterDevice answered it
   */
  public List<PushNotification> pushNotifications(String deviceId) {
    return engine().sideEffects().pushNotifications(deviceId);
  }

  /**
   * {@return records put on one Cognito stream so far, oldest first (SEMANTICS G5, G6)}
   *
   * @param streamName the Kinesis stream's name
   */
  public List<StreamRecord> streamRecords(String streamName) {
    return engine().sideEffects().streamRecords(streamName);
  }

  /** {@return every stream's records, by stream name} */
  public Map<String, List<StreamRecord>> streamRecords() {
    return engine().sideEffects().streamRecords();
  }

  /**
   * Stands a handler in for the pool's SyncTrigger Lambda (SEMANTICS G3). It runs while the pool's
   * Cognito events name a SyncTrigger.
   *
   * @param identityPoolId the pool id
   * @param handler the handler, or null to remove it
   */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    engine().setSyncTriggerHandler(identityPoolId, handler);
  }

  // ------------------------------------------------------------------ faults and scenarios

  /**
   * The fault rules: {@code mock.faults().add(FaultRule.on("UpdateRecords").nthCall(2)
   * .error(ErrorShape.TooManyRequestsException))}, {@code list()}, {@code fired(id)}, {@code
   * remove(id)}. See docs/faults.md.
   *
   * @return the fault rules of this mock
   */
  public MockFaults faults() {
    return new MockFaults(faultInjector());
  }

  /**
   * Starts recording every call into a scenario named {@code recorded}, forgetting any earlier
   * recording.
   */
  public void startRecording() {
    startRecording("recorded");
  }

  /**
   * Starts recording every call into a scenario, forgetting any earlier recording.
   *
   * @param name the scenario's name
   */
  public void startRecording(String name) {
    faultInjector().startRecording(name);
  }

  /**
   * Stops recording; {@link ScenarioJson#scenarioFile(Scenario)} writes the result as a file.
   *
   * @return the calls made since {@link #startRecording()}, in order, with their answers
   */
  public Scenario stopRecording() {
    return faultInjector().stopRecording();
  }

  /**
   * Stops recording and writes the scenario file.
   *
   * @param file where to write it
   * @return the scenario
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public Scenario stopRecording(Path file) {
    Scenario scenario = stopRecording();
    try {
      java.nio.file.Files.write(file, ScenarioJson.scenarioFile(scenario));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write " + file, e);
    }
    return scenario;
  }

  /**
   * Replays a scenario from the next call on: its marked steps fail as marked, every other call is
   * answered by the mock as usual.
   *
   * @param scenario the scenario
   */
  public void loadScenario(Scenario scenario) {
    faultInjector().loadScenario(scenario);
  }

  /**
   * Replays a scenario file.
   *
   * @param location a classpath resource ({@code scenario.json}, {@code classpath:scenario.json})
   *     or {@code file:path/to/scenario.json}
   */
  public void loadScenario(String location) {
    loadScenario(
        FaultAnnotations.loadScenario(
            location,
            Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : CognitoSyncMock.class.getClassLoader()));
  }

  /**
   * Replays a scenario file.
   *
   * @param file the file
   */
  public void loadScenario(Path file) {
    loadScenario(ScenarioJson.readScenario(file));
  }

  /**
   * {@return where the replayed scenario stands: position, faults fired, divergences; empty if none
   * is loaded}
   */
  public Optional<ScenarioReplay.Status> scenarioStatus() {
    return faultInjector().replayStatus();
  }

  /** Stops replaying the scenario; every call is answered by the mock again. */
  public void unloadScenario() {
    faultInjector().unloadScenario();
  }

  private FaultInjector faultInjector() {
    return running.server().service().faults();
  }

  // ------------------------------------------------------------------ requests received

  /**
   * {@return the requests served since the start or the last reset, oldest first, as far as
   * WireMock's journal reaches (1000 entries unless {@code requestJournalSize} says otherwise)}
   */
  public List<ReceivedRequest> requests() {
    List<ServeEvent> events = new ArrayList<>(wireMock().getAllServeEvents());
    Collections.reverse(events); // WireMock lists newest first
    return events.stream().map(CognitoSyncMock::received).toList();
  }

  /**
   * {@return the received requests for one operation, oldest first}
   *
   * @param operation the operation's model name, e.g. {@code UpdateRecords}
   */
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
   * {@return the Cognito Identity side of the mock: seed pools ({@code createIdentityPool}),
   * identities and logins ({@code getId}), developer users, roles; read them back}
   */
  public dev.cognitosyncmock.identity.IdentityEngine identity() {
    return running.server().service().identity().engine();
  }

  /**
   * Signs in as a new guest of a pool the way an app does (GetId, then GetCredentialsForIdentity).
   * The pool must exist and allow guests, with an unauthenticated role.
   *
   * @param <T> the client type
   * @param clientType {@code CognitoSyncClient} or {@code CognitoSyncAsyncClient}
   * @param identityPoolId the pool id
   * @return a Sync client signed with the credentials the guest got
   * @throws IllegalArgumentException for another client type
   */
  public <T> T guestSyncClient(Class<T> clientType, String identityPoolId) {
    requireSyncClientType(clientType);
    String identityId = identity().getId(identityPoolId, Map.of());
    return signedInSyncClient(clientType, identityId, Map.of());
  }

  /**
   * Calls GetCredentialsForIdentity for an identity with logins. The identity may change by a
   * merge: the client acts for the survivor.
   *
   * @param <T> the client type
   * @param clientType {@code CognitoSyncClient} or {@code CognitoSyncAsyncClient}
   * @param identityId the identity id
   * @param logins provider tokens by provider name
   * @return a Sync client signed with the credentials it issued
   * @throws IllegalArgumentException for another client type
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

  /** {@return the engine itself, for what the handle does not cover yet} */
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
