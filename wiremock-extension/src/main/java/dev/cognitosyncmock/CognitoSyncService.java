package dev.cognitosyncmock;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.admin.IdentityAdminRoutes;
import dev.cognitosyncmock.admin.StateDocument;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.SideEffects;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncTriggerHandler;
import dev.cognitosyncmock.faults.FaultAdmin;
import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.faults.ScenarioJson;
import dev.cognitosyncmock.identity.IdentitySettings;
import dev.cognitosyncmock.identity.IdentityStateDocument;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.ConfigurationFiles;
import dev.cognitosyncmock.options.InitDirectory;
import dev.cognitosyncmock.options.InvalidOptionException;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.OptionSetters;
import dev.cognitosyncmock.persistence.StateJournal;
import dev.cognitosyncmock.protocol.CallerResolver;
import dev.cognitosyncmock.protocol.CognitoSyncProtocol;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.RequestContext;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.schemas.VendoredService;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import dev.cognitosyncmock.security.CredentialsFile;
import dev.cognitosyncmock.security.SecuritySettings;
import dev.cognitosyncmock.sideeffects.HttpSyncTriggerHandler;
import dev.cognitosyncmock.sideeffects.OutboundHttp;
import dev.cognitosyncmock.sideeffects.PushWebhookSender;
import dev.cognitosyncmock.state.SharedState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mock: an engine, the protocol that serves it and its admin API. Server adapters (WireMock,
 * the JUnit extension) hold one of these and hand it raw requests.
 */
public final class CognitoSyncService implements AutoCloseable {
  private final SyncEngine engine;
  private final CognitoSyncProtocol protocol;
  private final AdminApi admin;
  private final StateJournal journal;
  private final FaultInjector faults;
  private final SecuritySettings security;
  private final Authenticator authenticator;
  private final String adminToken;
  private final CognitoSyncOptions options;
  private final IdentityEndpoint identity;

  private CognitoSyncService(Builder b) {
    CognitoSyncOptions o = InitDirectory.expand(b.options.build());
    this.options = o;
    EngineSettings settings =
        b.settings
            .with(s -> s.strictPools = o.get(CognitoSyncOptions.STRICT_POOLS))
            .with(s -> s.tokenExpiry = o.get(CognitoSyncOptions.TOKEN_EXPIRY));
    // every file an option names is read before anything starts, each error naming its option
    EngineSnapshot seed = b.seed;
    IdentityStateDocument seedIdentity = null; // a seed file's cognitoIdentity part
    if (o.isSet(CognitoSyncOptions.SEED_FILE)) {
      if (seed != null) {
        throw new InvalidOptionException(
            CognitoSyncOptions.SEED_FILE, "give a seed or a seed file, not both");
      }
      StateDocument document =
          ConfigurationFiles.read(CognitoSyncOptions.SEED_FILE, o, StateDocument::read);
      seed = document.sync();
      seedIdentity = document.identity();
    }
    List<FaultRule> faultRules = new ArrayList<>(b.faultRules);
    if (o.isSet(CognitoSyncOptions.FAULT_FILE)) {
      faultRules.addAll(
          ConfigurationFiles.read(CognitoSyncOptions.FAULT_FILE, o, FaultJson::readRules));
    }
    Scenario scenario = b.scenario;
    if (o.isSet(CognitoSyncOptions.SCENARIO_FILE)) {
      scenario =
          ConfigurationFiles.read(CognitoSyncOptions.SCENARIO_FILE, o, ScenarioJson::readScenario);
    }
    List<AccessKey> credentials = new ArrayList<>(b.credentials);
    if (o.isSet(CognitoSyncOptions.CREDENTIALS_FILE)) {
      credentials.addAll(
          ConfigurationFiles.read(CognitoSyncOptions.CREDENTIALS_FILE, o, CredentialsFile::read));
    }
    boolean verifySignatures = o.get(CognitoSyncOptions.VERIFY_SIGNATURES);
    if (verifySignatures && credentials.isEmpty()) {
      throw new InvalidOptionException(
          CognitoSyncOptions.VERIFY_SIGNATURES,
          "signature verification (--verify-signatures) needs access keys: give them with"
              + " --credentials-file");
    }
    IdentityStateDocument identitySeed = b.identitySeed;
    if (seedIdentity != null) {
      if (identitySeed != null || o.isSet(CognitoSyncOptions.IDENTITY_SEED_FILE)) {
        throw new InvalidOptionException(
            CognitoSyncOptions.IDENTITY_SEED_FILE,
            "the seed file already holds Cognito Identity state (cognitoIdentity); give it in"
                + " one place");
      }
      identitySeed = seedIdentity;
    }
    if (o.isSet(CognitoSyncOptions.IDENTITY_SEED_FILE)) {
      if (identitySeed != null) {
        throw new InvalidOptionException(
            CognitoSyncOptions.IDENTITY_SEED_FILE,
            "give an identity seed or an identity seed file, not both");
      }
      identitySeed =
          ConfigurationFiles.read(
              CognitoSyncOptions.IDENTITY_SEED_FILE, o, IdentityAdminRoutes::readState);
    }
    IdentitySettings identitySettings = identitySettings(o, b.identitySettings);
    // one state lock and one stream of change events for every service this mock serves
    this.engine = new SyncEngine(settings, b.clock, b.ids, new SharedState());
    // side effects that leave the process over HTTP live outside the engine
    OutboundHttp http = new OutboundHttp();
    engine.sideEffects().addListener(new PushWebhookSender(engine, http));
    engine.setUrlSyncTriggerHandlers(url -> new HttpSyncTriggerHandler(http, url));
    this.security =
        new SecuritySettings(
            verifySignatures, o.get(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES), credentials);
    this.authenticator = new Authenticator(security, b.clock);
    this.adminToken = o.get(CognitoSyncOptions.ADMIN_TOKEN);
    ServiceModel model = ServiceModel.load();
    this.protocol =
        new CognitoSyncProtocol(
            model, engine, new CallerResolver(o.get(CognitoSyncOptions.ACCOUNT_ID), authenticator));
    this.admin = new AdminApi(engine);
    this.faults =
        new FaultInjector(
            List.of(() -> model, () -> ServiceModel.load(VendoredService.COGNITO_IDENTITY)),
            engine);
    protocol.setInterceptor(faults);
    admin.addRoutes(new FaultAdmin(faults));
    this.identity =
        new IdentityEndpoint(
            identitySettings,
            b.clock,
            b.ids,
            engine,
            authenticator,
            o.get(CognitoSyncOptions.ACCOUNT_ID),
            faults);
    admin.addRoutes(identity.adminRoutes());
    faultRules.forEach(faults::add);
    if (scenario != null) {
      faults.loadScenario(scenario);
    }
    if (seed != null) {
      engine.importState(seed);
    }
    if (identitySeed != null) { // after Sync's: the pools it creates are Sync's too
      identity.engine().importState(identitySeed);
    }
    Path persistenceDirectory = o.get(CognitoSyncOptions.PERSISTENCE_DIRECTORY);
    if (persistenceDirectory != null) {
      this.journal =
          ConfigurationFiles.open(
              CognitoSyncOptions.PERSISTENCE_DIRECTORY,
              persistenceDirectory,
              dir -> openJournal(dir, b.seed != null || o.isSet(CognitoSyncOptions.SEED_FILE)));
      ConfigurationFiles.open(
          CognitoSyncOptions.PERSISTENCE_DIRECTORY,
          persistenceDirectory,
          dir -> {
            identity.persistIn(dir);
            return dir;
          });
    } else {
      this.journal = null;
    }
  }

  private static IdentitySettings identitySettings(CognitoSyncOptions o, IdentitySettings given) {
    try {
      return new IdentitySettings(
          o.get(CognitoSyncOptions.IDENTITY_REGION),
          o.get(CognitoSyncOptions.ACCOUNT_ID),
          !o.get(CognitoSyncOptions.IDENTITY_KEEPS_SYNC_DATA),
          given.credentialsLifetime(),
          o.get(CognitoSyncOptions.STRICT_LOGIN_TOKENS));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          CognitoSyncOptions.IDENTITY_REGION,
          "invalid value '"
              + o.get(CognitoSyncOptions.IDENTITY_REGION)
              + "' for "
              + CognitoSyncOptions.IDENTITY_REGION.flag()
              + ": "
              + e.getMessage());
    }
  }

  private StateJournal openJournal(Path dir, boolean seeded) {
    boolean fresh = StateJournal.isEmpty(dir);
    if (!fresh) {
      engine.reset(); // the directory's state wins over any seed
    }
    StateJournal opened = StateJournal.open(dir, engine);
    if (fresh && seeded) {
      opened.compact();
    }
    return opened;
  }

  /** {@return the options this service was built with (server-only ones included, as given)} */
  public CognitoSyncOptions options() {
    return options;
  }

  /** Writes a final snapshot when state is persistent; a no-op otherwise. */
  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
  }

  /** {@return a builder with every option at its in-process default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a service with every option at its in-process default: lenient pools, state in memory}
   */
  public static CognitoSyncService createDefault() {
    return builder().build();
  }

  /** {@return the Cognito Sync engine: the state and the operations on it} */
  public SyncEngine engine() {
    return engine;
  }

  /** {@return push notifications and Cognito Streams records captured so far (SEMANTICS G4, G5)} */
  public SideEffects sideEffects() {
    return engine.sideEffects();
  }

  /**
   * Stands a Java function in for the pool's SyncTrigger Lambda (SEMANTICS G3).
   *
   * @param identityPoolId the pool id
   * @param handler the function, or null to remove it
   */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    engine.setSyncTriggerHandler(identityPoolId, handler);
  }

  /**
   * Serves a raw request as Cognito Sync, Cognito Identity or STS would.
   *
   * @param request the request
   * @return the answer, an error answer included
   */
  public ProtocolResponse handle(ProtocolRequest request) {
    return handle(request, new RequestContext());
  }

  /**
   * Serves a raw request with what the adapter knows about it (a forced fault, say).
   *
   * @param request the request
   * @param context what the adapter knows
   * @return the answer, an error answer included
   */
  public ProtocolResponse handle(ProtocolRequest request, RequestContext context) {
    ProtocolResponse identityResponse = identity.handle(request, context);
    ProtocolResponse response =
        identityResponse != null ? identityResponse : protocol.handle(request, context);
    if (journal != null && journal.wantsCompaction()) {
      journal.compact(); // the journal has grown: fold it into a snapshot between requests
    }
    return response;
  }

  /** {@return Cognito Identity and STS on the same endpoint (IDENTITY.md)} */
  public IdentityEndpoint identity() {
    return identity;
  }

  /** {@return the admin API ({@code /__admin/cognito-sync})} */
  public AdminApi admin() {
    return admin;
  }

  /** {@return fault rules, scenario recording and replay (docs/faults.md)} */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * The operation and request members of a request, without serving it.
   *
   * @param request the request
   * @return the call, or empty if the request is not an API call
   */
  public java.util.Optional<dev.cognitosyncmock.protocol.OperationCall> describe(
      ProtocolRequest request) {
    return protocol.describe(request);
  }

  /**
   * Makes one more access key known to signature checks and credential classes.
   *
   * @param key the key
   */
  public void addAccessKey(AccessKey key) {
    authenticator.addKey(key);
  }

  /** {@return what requests are checked for: signatures, credential classes, the known keys} */
  public SecuritySettings security() {
    return security;
  }

  /**
   * {@return the token the admin API requires ({@code Authorization: Bearer <token>}), or empty
   * when it is open; server adapters enforce it on every admin route but health}
   */
  public Optional<String> adminToken() {
    return Optional.ofNullable(adminToken);
  }

  /**
   * Builds a service. Its options ({@link CognitoSyncOptions}) are set with {@link #options},
   * {@link #set} or the typed methods of {@link OptionSetters}, which write into the same options;
   * the rest (clock, ids, quotas, access-key objects, seed and fault objects) have no text form and
   * are set here only. Options that concern the HTTP server (port, bind address, journal, files
   * root, recording) are kept and take effect where {@code CognitoSyncServer} uses them.
   */
  public static final class Builder implements OptionSetters<Builder> {
    private final CognitoSyncOptions.Builder options = CognitoSyncOptions.builder();
    private EngineSettings settings = EngineSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private IdSource ids = IdSource.random();
    private EngineSnapshot seed;
    private final List<FaultRule> faultRules = new ArrayList<>();
    private Scenario scenario;
    private final List<AccessKey> credentials = new ArrayList<>();

    @Override
    public <T> Builder set(Option<T> option, T value) {
      options.set(option, value);
      return this;
    }

    /**
     * Fault rules in force from the start (docs/faults.md), besides any fault file's.
     *
     * @param rules the rules, added to those given before
     * @return this builder
     */
    public Builder faultRules(java.util.Collection<FaultRule> rules) {
      this.faultRules.addAll(rules);
      return this;
    }

    /**
     * A scenario replayed from the first call: its marked steps fail as marked.
     *
     * @param scenario the scenario, or null for none
     * @return this builder
     */
    public Builder scenario(Scenario scenario) {
      this.scenario = scenario;
      return this;
    }

    private IdentitySettings identitySettings = IdentitySettings.DEFAULT;
    private IdentityStateDocument identitySeed;

    /**
     * Cognito Identity state to start from: pools, identities, logins (ignored when a persistence
     * directory already holds identity state).
     *
     * @param seed the state, or null for none
     * @return this builder
     */
    public Builder identitySeed(IdentityStateDocument seed) {
      this.identitySeed = seed;
      return this;
    }

    /**
     * Cognito Identity's settings; its region, strict login tokens and keeping of Sync data are the
     * options of those names and replace what was set for them before. Its account is the {@link
     * CognitoSyncOptions#ACCOUNT_ID} option.
     *
     * @param settings the settings, not null
     * @return this builder
     */
    public Builder identitySettings(IdentitySettings settings) {
      this.identitySettings = Objects.requireNonNull(settings);
      options
          .identityRegion(settings.region())
          .identityKeepsSyncData(!settings.deleteSyncData())
          .strictLoginTokens(settings.strictLoginTokens());
      return this;
    }

    /**
     * State to start from (ignored when a persistence directory already holds state).
     *
     * @param seed the state, or null for none
     * @return this builder
     */
    public Builder seed(EngineSnapshot seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Engine settings; its strict pools and token expiry are the options of those names and replace
     * what was set for them before.
     *
     * @param settings the settings, not null
     * @return this builder
     */
    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      options.strictPools(settings.strictPools()).tokenExpiry(settings.tokenExpiry());
      return this;
    }

    /**
     * The clock the service runs on; default the system clock in UTC.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Where session, device and sync ids come from; default random ids.
     *
     * @param ids the source, not null
     * @return this builder
     */
    public Builder ids(IdSource ids) {
      this.ids = Objects.requireNonNull(ids);
      return this;
    }

    /**
     * Adds access keys the mock knows: developer keys or Cognito identity keys.
     *
     * @param keys the keys, added to those given before
     * @return this builder
     */
    public Builder credentials(AccessKey... keys) {
      return credentials(List.of(keys));
    }

    /**
     * Adds access keys the mock knows: developer keys or Cognito identity keys.
     *
     * @param keys the keys, added to those given before
     * @return this builder
     */
    public Builder credentials(List<AccessKey> keys) {
      this.credentials.addAll(keys);
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on the admin API (the mock's and WireMock's
     * own), except the health check. Null (the default) leaves it open.
     *
     * @param token the token, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the token is blank
     */
    @Override
    public Builder adminToken(String token) {
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("The admin token must not be blank");
      }
      return set(CognitoSyncOptions.ADMIN_TOKEN, token);
    }

    /**
     * {@return the service, its seed, fault, scenario and credentials files read}
     *
     * @throws dev.cognitosyncmock.options.InvalidOptionException if a file an option names is
     *     missing or malformed, or the options contradict each other
     */
    public CognitoSyncService build() {
      return new CognitoSyncService(this);
    }
  }
}
