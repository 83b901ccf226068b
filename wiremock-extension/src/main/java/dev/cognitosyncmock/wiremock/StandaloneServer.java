package dev.cognitosyncmock.wiremock;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.admin.AdminApi;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.faults.FaultJson;
import dev.cognitosyncmock.security.CredentialsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar cognito-sync-mock-wiremock-<version>-standalone.jar [options]}: the mock as a
 * server process. Every option can also be set by the environment variable named in its help.
 */
@Command(name = "cognito-sync-mock", mixinStandardHelpOptions = true,
    description = "A stateful mock of the Amazon Cognito Sync API (2014-06-30).",
    versionProvider = StandaloneServer.Version.class)
public final class StandaloneServer implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "${env:COGNITO_SYNC_MOCK_PORT:-8080}",
      description = "Port to listen on (env COGNITO_SYNC_MOCK_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind-address", defaultValue = "${env:COGNITO_SYNC_MOCK_BIND_ADDRESS:-0.0.0.0}",
      description = "Address to bind (env COGNITO_SYNC_MOCK_BIND_ADDRESS, default ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(names = "--strict-pools", defaultValue = "${env:COGNITO_SYNC_MOCK_STRICT_POOLS:-false}",
      fallbackValue = "true", arity = "0..1",
      description = "Unknown identity pools answer 404 until created through the admin API"
          + " (env COGNITO_SYNC_MOCK_STRICT_POOLS, default ${DEFAULT-VALUE}).")
  boolean strictPools;

  @Option(names = "--token-expiry", defaultValue = "${env:COGNITO_SYNC_MOCK_TOKEN_EXPIRY:-PT1H}",
      converter = DurationConverter.class,
      description = "How long a SyncSessionToken stays valid, ISO-8601 (PT15M) or seconds"
          + " (env COGNITO_SYNC_MOCK_TOKEN_EXPIRY, default ${DEFAULT-VALUE}).")
  Duration tokenExpiry;

  @Option(names = "--seed-file", defaultValue = "${env:COGNITO_SYNC_MOCK_SEED_FILE}",
      description = "A state document (JSON, as GET /__admin/cognito-sync/state exports) to load"
          + " at start-up (env COGNITO_SYNC_MOCK_SEED_FILE).")
  Path seedFile;

  @Option(names = "--persistence-dir", defaultValue = "${env:COGNITO_SYNC_MOCK_PERSISTENCE_DIR}",
      description = "Keep state durable in this directory (journal fsynced before each answer,"
          + " compacted into snapshots); without it state is in memory"
          + " (env COGNITO_SYNC_MOCK_PERSISTENCE_DIR).")
  Path persistenceDir;

  @Option(names = "--account-id", defaultValue = "${env:COGNITO_SYNC_MOCK_ACCOUNT_ID:-123456789012}",
      description = "Account id written as LastModifiedBy for developer credentials"
          + " (env COGNITO_SYNC_MOCK_ACCOUNT_ID, default ${DEFAULT-VALUE}).")
  String accountId;

  @Option(names = "--identity-seed-file", defaultValue = "${env:COGNITO_SYNC_MOCK_IDENTITY_SEED_FILE}",
      description = "Cognito Identity state loaded at start-up, the document GET"
          + " /__admin/cognito-sync/identity/state exports (env COGNITO_SYNC_MOCK_IDENTITY_SEED_FILE).")
  Path identitySeedFile;

  @Option(names = "--identity-region", defaultValue = "${env:COGNITO_SYNC_MOCK_IDENTITY_REGION:-us-east-1}",
      description = "Region in the ids of pools and identities Cognito Identity creates"
          + " (env COGNITO_SYNC_MOCK_IDENTITY_REGION, default ${DEFAULT-VALUE}).")
  String identityRegion;

  @Option(names = "--identity-keeps-sync-data",
      defaultValue = "${env:COGNITO_SYNC_MOCK_IDENTITY_KEEPS_SYNC_DATA:-false}",
      description = "DeleteIdentityPool and DeleteIdentities leave the Sync data in place"
          + " (env COGNITO_SYNC_MOCK_IDENTITY_KEEPS_SYNC_DATA, default ${DEFAULT-VALUE}).")
  boolean identityKeepsSyncData;

  @Option(names = "--strict-login-tokens", defaultValue = "${env:COGNITO_SYNC_MOCK_STRICT_LOGIN_TOKENS:-false}",
      description = "Refuse expired provider JWTs and user-pool/OIDC JWTs whose iss is not https://<login key>"
          + " (env COGNITO_SYNC_MOCK_STRICT_LOGIN_TOKENS, default ${DEFAULT-VALUE}).")
  boolean strictLoginTokens;

  @Option(names = "--verify-signatures",
      defaultValue = "${env:COGNITO_SYNC_MOCK_VERIFY_SIGNATURES:-false}",
      fallbackValue = "true", arity = "0..1",
      description = "Check every request's SigV4 signature against the keys of --credentials-file"
          + " (env COGNITO_SYNC_MOCK_VERIFY_SIGNATURES, default ${DEFAULT-VALUE}).")
  boolean verifySignatures;

  @Option(names = "--credentials-file",
      defaultValue = "${env:COGNITO_SYNC_MOCK_CREDENTIALS_FILE}",
      description = "JSON list of access keys: accessKeyId, secretAccessKey, kind (developer or"
          + " identity), identityId and sessionToken (identity keys), accountId (developer keys)"
          + " (env COGNITO_SYNC_MOCK_CREDENTIALS_FILE).")
  Path credentialsFile;

  @Option(names = "--enforce-credential-classes",
      defaultValue = "${env:COGNITO_SYNC_MOCK_ENFORCE_CREDENTIAL_CLASSES:-false}",
      fallbackValue = "true", arity = "0..1",
      description = "Developer-only and identity-only operations refuse the other class, and"
          + " identity credentials reach only their own identity: 403 NotAuthorizedException"
          + " (env COGNITO_SYNC_MOCK_ENFORCE_CREDENTIAL_CLASSES, default ${DEFAULT-VALUE}).")
  boolean enforceCredentialClasses;

  @Option(names = "--admin-token", defaultValue = "${env:COGNITO_SYNC_MOCK_ADMIN_TOKEN}",
      description = "Require 'Authorization: Bearer <token>' on every admin route but"
          + " /__admin/health; prefer the environment variable, which ps does not show"
          + " (env COGNITO_SYNC_MOCK_ADMIN_TOKEN).")
  String adminToken;

  @Option(names = "--request-journal-size",
      defaultValue = "${env:COGNITO_SYNC_MOCK_REQUEST_JOURNAL_SIZE:-1000}",
      description = "Requests kept in WireMock's journal; 0 turns it off"
          + " (env COGNITO_SYNC_MOCK_REQUEST_JOURNAL_SIZE, default ${DEFAULT-VALUE}).")
  int requestJournalSize;

  @Option(names = "--max-request-body-size",
      defaultValue = "${env:COGNITO_SYNC_MOCK_MAX_REQUEST_BODY_SIZE:-8388608}",
      description = "Largest request body accepted, in bytes, as sent and once gunzipped; larger"
          + " ones are answered 413 unread (env COGNITO_SYNC_MOCK_MAX_REQUEST_BODY_SIZE,"
          + " default ${DEFAULT-VALUE}).")
  long maxRequestBodySize;

  @Option(names = "--verbose", defaultValue = "${env:COGNITO_SYNC_MOCK_VERBOSE:-false}",
      fallbackValue = "true", arity = "0..1",
      description = "Log every request (env COGNITO_SYNC_MOCK_VERBOSE, default ${DEFAULT-VALUE}).")
  boolean verbose;

  @Option(names = "--log-level", defaultValue = "${env:COGNITO_SYNC_MOCK_LOG_LEVEL:-info}",
      description = "error, warn, info or debug (env COGNITO_SYNC_MOCK_LOG_LEVEL, default ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(names = "--fault-file", defaultValue = "${env:COGNITO_SYNC_MOCK_FAULT_FILE}",
      description = "Fault rules (JSON: a rule, an array or {\"rules\": [...]}, see"
          + " docs/faults.md) in force from start-up (env COGNITO_SYNC_MOCK_FAULT_FILE).")
  Path faultFile;

  @Option(names = "--scenario-file", defaultValue = "${env:COGNITO_SYNC_MOCK_SCENARIO_FILE}",
      description = "A scenario file to replay from the first call: its marked steps fail as"
          + " marked (env COGNITO_SYNC_MOCK_SCENARIO_FILE).")
  Path scenarioFile;

  @Option(names = "--root-dir", defaultValue = "${env:COGNITO_SYNC_MOCK_ROOT_DIR}",
      description = "WireMock's files root: stub mappings in DIR/mappings are loaded at start-up"
          + " (they win over the mock), and recordings are written there"
          + " (env COGNITO_SYNC_MOCK_ROOT_DIR; default: none, or . with --record-from).")
  Path rootDir;

  @Option(names = "--record-from", defaultValue = "${env:COGNITO_SYNC_MOCK_RECORD_FROM}",
      description = "Proxy every API call to this endpoint (e.g."
          + " https://cognito-sync.us-east-1.amazonaws.com) and record it: on shutdown WireMock"
          + " mappings go to ROOT/mappings (earlier with POST /__admin/recordings/stop) and the"
          + " calls as a scenario to ROOT/recorded-scenario.json"
          + " (env COGNITO_SYNC_MOCK_RECORD_FROM).")
  String recordFrom;

  @Option(names = "--record-region", defaultValue = "${env:COGNITO_SYNC_MOCK_RECORD_REGION}",
      description = "The region proxied requests are signed for (default: from the"
          + " --record-from host name, else us-east-1). Proxied requests are signed again with"
          + " AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN when those are set"
          + " (env COGNITO_SYNC_MOCK_RECORD_REGION).")
  String recordRegion;

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Logger.getLogger("dev.cognitosyncmock").setLevel(level(logLevel));
    dev.cognitosyncmock.identity.IdentitySettings identitySettings;
    try {
      identitySettings = new dev.cognitosyncmock.identity.IdentitySettings(identityRegion, accountId,
          !identityKeepsSyncData, dev.cognitosyncmock.identity.IdentitySettings.DEFAULT.credentialsLifetime(),
          strictLoginTokens);
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid --identity-region: " + e.getMessage());
      return 2;
    }
    dev.cognitosyncmock.identity.IdentityStateDocument identitySeed = null;
    if (identitySeedFile != null) {
      try {
        identitySeed = dev.cognitosyncmock.admin.IdentityAdminRoutes.readState(
            java.nio.file.Files.readAllBytes(identitySeedFile));
      } catch (java.io.IOException | RuntimeException e) {
        System.err.println("Invalid --identity-seed-file " + identitySeedFile + ": "
            + e.getMessage().lines().findFirst().orElse(""));
        return 2;
      }
    }
    CognitoSyncService service = CognitoSyncService.builder()
        .settings(EngineSettings.DEFAULT.withStrictPools(strictPools).withTokenExpiry(tokenExpiry))
        .accountId(accountId)
        .identitySettings(identitySettings)
        .identitySeed(identitySeed)
        .seed(seedFile == null ? null : AdminApi.readState(seedFile))
        .persistenceDirectory(persistenceDir)
        .faultRules(faultFile == null ? java.util.List.of() : FaultJson.readRules(faultFile))
        .scenario(scenarioFile == null ? null : FaultJson.readScenario(scenarioFile))
        .credentials(credentialsFile == null ? List.of() : CredentialsFile.read(credentialsFile))
        .verifySignatures(verifySignatures)
        .enforceCredentialClasses(enforceCredentialClasses)
        .adminToken(adminToken == null || adminToken.isEmpty() ? null : adminToken)
        .build();
    Path root = rootDir != null ? rootDir : recordFrom != null ? Path.of(".") : null;
    CognitoSyncServer.Builder builder = CognitoSyncServer.builder()
        .service(service)
        .port(port)
        .bindAddress(bindAddress)
        .requestJournalSize(requestJournalSize)
        .maxRequestBodySize(maxRequestBodySize)
        .verbose(verbose);
    RecordingSigner signer = recordFrom == null ? null
        : RecordingSigner.Credentials.fromEnvironment(System.getenv())
            .map(c -> new RecordingSigner(java.net.URI.create(recordFrom), c, recordRegion,
                java.time.Clock.systemUTC()))
            .orElse(null);
    if (root != null) {
      createDirectories(root);
      builder.wireMockOptions(c -> {
        c.usingFilesUnderDirectory(root.toString());
        if (signer != null) {
          c.extensions(signer);
        }
      });
    }
    CognitoSyncServer server = builder.build().start();
    if (recordFrom != null) {
      server.wireMock().startRecording(CognitoSyncRecording.spec(recordFrom));
      service.faults().recorder().start("recorded from " + recordFrom, null);
      System.out.printf("Recording %s into %s (%s)%n", recordFrom, root.toAbsolutePath(),
          signer == null ? "requests forwarded as signed by the client"
              : "requests signed again for " + signer.region() + " with AWS_ACCESS_KEY_ID");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (recordFrom != null) {
        finishRecording(server, service, root);
      }
      server.stop();
      service.close();
      stopped.countDown();
    }, "cognito-sync-mock-shutdown"));
    System.out.printf("Cognito Sync mock listening on http://%s:%d (%s%s%s)%n", bindAddress,
        server.port(), persistenceDir == null ? "in-memory state" : "state kept in " + persistenceDir,
        seedFile == null ? "" : ", seeded from " + seedFile, securitySummary(service));
    stopped.await();
    return 0;
  }

  /** The command line main runs: start-up failures print one line and exit 1. */
  static CommandLine commandLine() {
    return new CommandLine(new StandaloneServer())
        .setExecutionExceptionHandler(StandaloneServer::startupFailed);
  }

  /** Bad configuration or state at start-up: one line that says what, no stack trace. */
  static int startupFailed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    String message = e.getMessage();
    if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
      message = message + ": " + e.getCause().getMessage();
    }
    command.getErr().println("cognito-sync-mock: "
        + (message == null || message.isBlank() ? "start-up failed (" + e.getClass().getSimpleName() + ")" : message));
    return 1;
  }

  /** Saves the WireMock mappings and the scenario recorded so far, when still recording. */
  static void finishRecording(CognitoSyncServer server, CognitoSyncService service, Path root) {
    try {
      if (server.wireMock().getRecordingStatus().getStatus()
          == com.github.tomakehurst.wiremock.recording.RecordingStatus.Recording) {
        server.wireMock().stopRecording();
      }
      if (service.faults().recorder().isRecording()) {
        java.nio.file.Files.write(root.resolve("recorded-scenario.json"),
            FaultJson.scenarioFile(service.faults().recorder().stop()));
      }
    } catch (java.io.IOException | RuntimeException e) {
      Logger.getLogger(StandaloneServer.class.getName()).log(Level.WARNING,
          "Could not save the recording", e);
    }
  }

  private static void createDirectories(Path root) {
    try {
      java.nio.file.Files.createDirectories(root.resolve("mappings"));
      java.nio.file.Files.createDirectories(root.resolve("__files"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create " + root, e);
    }
  }

  private static String securitySummary(CognitoSyncService service) {
    StringBuilder b = new StringBuilder();
    if (service.security().verifySignatures()) {
      b.append(", signatures verified against ").append(service.security().credentials().size())
          .append(" keys");
    }
    if (service.security().enforceCredentialClasses()) {
      b.append(", credential classes enforced");
    }
    if (service.adminToken().isPresent()) {
      b.append(", admin API token required");
    }
    return b.toString();
  }

  private static Level level(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "error" -> Level.SEVERE;
      case "warn", "warning" -> Level.WARNING;
      case "debug" -> Level.FINE;
      default -> Level.INFO;
    };
  }

  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = StandaloneServer.class.getPackage().getImplementationVersion();
      return new String[] {"cognito-sync-mock " + (v == null ? "(development build)" : v)};
    }
  }
}
