package dev.cognitosyncmock;

import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.SideEffects;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncTriggerHandler;
import dev.cognitosyncmock.faults.FaultAdmin;
import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.Scenario;
import dev.cognitosyncmock.persistence.StateJournal;
import java.nio.file.Path;
import dev.cognitosyncmock.protocol.CallerResolver;
import dev.cognitosyncmock.protocol.CognitoSyncProtocol;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import dev.cognitosyncmock.security.CredentialsFile;
import dev.cognitosyncmock.security.SecuritySettings;
import dev.cognitosyncmock.sideeffects.HttpSyncTriggerHandler;
import dev.cognitosyncmock.sideeffects.PushWebhookSender;
import java.net.http.HttpClient;
import java.time.Duration;
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
  private final IdentityEndpoint identity;

  private CognitoSyncService(Builder b) {
    this.engine = new SyncEngine(b.settings, b.clock, b.ids);
    // side effects that leave the process over HTTP live outside the engine
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    engine.sideEffects().addListener(new PushWebhookSender(engine, http));
    engine.setUrlSyncTriggerHandlers(url -> new HttpSyncTriggerHandler(http, url));
    this.security = new SecuritySettings(b.verifySignatures, b.enforceCredentialClasses,
        b.credentials);
    this.authenticator = new Authenticator(security, b.clock);
    this.adminToken = b.adminToken;
    ServiceModel model = ServiceModel.load();
    this.protocol = new CognitoSyncProtocol(model, engine,
        new CallerResolver(b.accountId, authenticator));
    this.admin = new AdminApi(engine);
    this.faults = new FaultInjector(List.of(model,
        ServiceModel.load(dev.cognitosyncmock.schemas.VendoredService.COGNITO_IDENTITY)), engine);
    protocol.setInterceptor(faults);
    admin.addRoutes(new FaultAdmin(faults));
    this.identity = new IdentityEndpoint(b.identitySettings, b.clock, b.ids, engine, authenticator,
        b.accountId);
    admin.addRoutes(identity.adminRoutes());
    if (b.identitySeed != null) {
      identity.engine().importState(b.identitySeed);
    }
    identity.setInterceptor(faults);
    b.faultRules.forEach(faults::add);
    if (b.scenario != null) {
      faults.loadScenario(b.scenario);
    }
    if (b.seed != null) {
      engine.importState(b.seed);
    }
    if (b.persistenceDirectory != null) {
      boolean fresh = StateJournal.isEmpty(b.persistenceDirectory);
      if (!fresh) {
        engine.reset(); // the directory's state wins over any seed
      }
      this.journal = StateJournal.open(b.persistenceDirectory, engine);
      if (fresh && b.seed != null) {
        journal.compact();
      }
      protocol.addOperationListener(journal);
      admin.afterStateChange(journal::compact);
      identity.persistIn(b.persistenceDirectory, journal);
    } else {
      this.journal = null;
    }
  }

  /** Writes a final snapshot when state is persistent; a no-op otherwise. */
  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static CognitoSyncService createDefault() {
    return builder().build();
  }

  public SyncEngine engine() {
    return engine;
  }

  /** Push notifications and Cognito Streams records captured so far (SEMANTICS G4, G5). */
  public SideEffects sideEffects() {
    return engine.sideEffects();
  }

  /** Stands a Java function in for the pool's SyncTrigger Lambda (SEMANTICS G3); null removes. */
  public void setSyncTriggerHandler(String identityPoolId, SyncTriggerHandler handler) {
    engine.setSyncTriggerHandler(identityPoolId, handler);
  }

  public ProtocolResponse handle(ProtocolRequest request) {
    ProtocolResponse identityResponse = identity.handle(request);
    return identityResponse != null ? identityResponse : protocol.handle(request);
  }

  /** Cognito Identity and STS on the same endpoint (IDENTITY.md). */
  public IdentityEndpoint identity() {
    return identity;
  }

  public AdminApi admin() {
    return admin;
  }

  /** Fault rules, scenario recording and replay (docs/faults.md). */
  public FaultInjector faults() {
    return faults;
  }

  /** The operation and request members of a request, without serving it (empty if none). */
  public java.util.Optional<dev.cognitosyncmock.protocol.OperationCall> describe(
      ProtocolRequest request) {
    return protocol.describe(request);
  }

  /** Signature verification, credential classes and the keys the mock knows (all off by default). */
  /** Makes one more access key known to signature checks and credential classes. */
  public void addAccessKey(AccessKey key) {
    authenticator.addKey(key);
  }

  public SecuritySettings security() {
    return security;
  }

  /**
   * The token the admin API requires ({@code Authorization: Bearer <token>}), or empty when it is
   * open. Server adapters enforce it on every admin route but health.
   */
  public Optional<String> adminToken() {
    return Optional.ofNullable(adminToken);
  }

  public static final class Builder {
    private EngineSettings settings = EngineSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private IdSource ids = IdSource.random();
    private String accountId = Caller.DEFAULT_ACCOUNT_ID;
    private EngineSnapshot seed;
    private Path persistenceDirectory;
    private final java.util.List<FaultRule> faultRules = new java.util.ArrayList<>();
    private Scenario scenario;

    /** Fault rules in force from the start (docs/faults.md). */
    public Builder faultRules(java.util.Collection<FaultRule> rules) {
      this.faultRules.addAll(rules);
      return this;
    }

    /** A scenario replayed from the first call: its marked steps fail as marked. */
    public Builder scenario(Scenario scenario) {
      this.scenario = scenario;
      return this;
    }
    private boolean verifySignatures;
    private boolean enforceCredentialClasses;
    private final List<AccessKey> credentials = new ArrayList<>();
    private String adminToken;
    private dev.cognitosyncmock.identity.IdentitySettings identitySettings =
        dev.cognitosyncmock.identity.IdentitySettings.DEFAULT;

    private dev.cognitosyncmock.identity.IdentityStateDocument identitySeed;

    /**
     * Cognito Identity state to start from: pools, identities, logins (ignored when a persistence
     * directory already holds identity state).
     */
    public Builder identitySeed(dev.cognitosyncmock.identity.IdentityStateDocument seed) {
      this.identitySeed = seed;
      return this;
    }

    /** Cognito Identity's settings: region, account, the inferred choices of IDENTITY.md. */
    public Builder identitySettings(dev.cognitosyncmock.identity.IdentitySettings settings) {
      this.identitySettings = Objects.requireNonNull(settings);
      return this;
    }

    /** State to start from (ignored when a persistence directory already holds state). */
    public Builder seed(EngineSnapshot seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Keeps state durable in this directory: every acknowledged write survives a restart or a
     * crash. Without it, state lives in memory only.
     */
    public Builder persistenceDirectory(Path dir) {
      this.persistenceDirectory = dir;
      return this;
    }

    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder ids(IdSource ids) {
      this.ids = Objects.requireNonNull(ids);
      return this;
    }

    /** The account id that stands for developer credentials in LastModifiedBy (SEMANTICS C5). */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    /**
     * Checks every request's SigV4 signature against the configured access keys: a missing,
     * malformed, wrongly signed or expired (15 minutes of skew) request, or an unknown key, is
     * refused with the error AWS sends. Off by default: any credentials are accepted.
     */
    public Builder verifySignatures(boolean verify) {
      this.verifySignatures = verify;
      return this;
    }

    /**
     * Enforces SEMANTICS A7: developer-only operations refuse identity credentials,
     * identity-only ones refuse developer credentials, and identity credentials reach only their
     * own identity (403 NotAuthorizedException). Off by default.
     */
    public Builder enforceCredentialClasses(boolean enforce) {
      this.enforceCredentialClasses = enforce;
      return this;
    }

    /** Adds access keys the mock knows: developer keys or Cognito identity keys. */
    public Builder credentials(AccessKey... keys) {
      return credentials(List.of(keys));
    }

    public Builder credentials(List<AccessKey> keys) {
      this.credentials.addAll(keys);
      return this;
    }

    /** Adds the access keys listed in a credentials file ({@link CredentialsFile}). */
    public Builder credentialsFile(Path file) {
      return credentials(CredentialsFile.read(file));
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on the admin API (the mock's and WireMock's
     * own), except the health check. Null (the default) leaves it open.
     */
    public Builder adminToken(String token) {
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("The admin token must not be blank");
      }
      this.adminToken = token;
      return this;
    }

    public CognitoSyncService build() {
      return new CognitoSyncService(this);
    }
  }
}
