package dev.cognitosyncmock.testcontainers;

import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.Surface;
import dev.cognitosyncmock.options.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers module for cognito-sync-mock, a stateful mock of the Amazon Cognito Sync API.
 *
 * <pre>{@code
 * try (CognitoSyncContainer mock = new CognitoSyncContainer().withStrictPools(true)) {
 *   mock.start();
 *   CognitoSyncClient client = CognitoSyncClient.builder()
 *       .endpointOverride(mock.getEndpoint())
 *       .region(Region.of(mock.getRegion()))
 *       .credentialsProvider(StaticCredentialsProvider.create(
 *           AwsBasicCredentials.create(mock.getAccessKey(), mock.getSecretKey())))
 *       .build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Every option of {@code CognitoSyncOptions} is here, as {@link #withOption} and a typed {@code
 * with...} method; each sets the environment variable the image's server reads ({@code
 * COGNITO_SYNC_MOCK_*}); files are copied into the container before it starts, so the options work
 * with a remote Docker host too. The container is ready when WireMock's {@code GET /__admin/health}
 * answers 200.
 */
public class CognitoSyncContainer extends GenericContainer<CognitoSyncContainer> {

  /** The image, without a tag; {@link #DEFAULT_TAG} is this library's own version. */
  public static final DockerImageName DEFAULT_IMAGE_NAME =
      DockerImageName.parse("cognitosyncmock/cognito-sync-mock");

  /** The image tag that matches this library: its own version. */
  public static final String DEFAULT_TAG = libraryVersion();

  /** The port the server listens on inside the container. */
  public static final int PORT = 8080;

  /** Where the persistence directory is inside the container (the image's volume). */
  public static final String DATA_DIRECTORY = "/data";

  static final String CONFIG_DIRECTORY = "/etc/cognito-sync-mock";

  /** Where a files root given with {@link #withRootDirectory(Path)} is inside the container. */
  public static final String ROOT_DIRECTORY = "/wiremock";

  /** The image's init directory ({@code COGNITO_SYNC_MOCK_INIT_DIR}). */
  public static final String INIT_DIRECTORY = "/etc/cognito-sync-mock/init";

  private static final String ACCESS_KEY = "test";
  private static final String SECRET_KEY = "test";

  private String region = "us-east-1";

  /**
   * The default image, {@code cognitosyncmock/cognito-sync-mock:<this library's version>} (never
   * {@code latest}): the local one, else the published one, else built from the server jar this
   * library ships ({@link CognitoSyncImage}).
   */
  public CognitoSyncContainer() {
    this(CognitoSyncImage.defaultImage());
  }

  /**
   * A container of the named image.
   *
   * @param dockerImageName an image name with a tag, compatible with {@link #DEFAULT_IMAGE_NAME}
   * @throws IllegalArgumentException if the name has no tag, rather than silently taking {@code
   *     latest}
   */
  public CognitoSyncContainer(String dockerImageName) {
    this(DockerImageName.parse(requireTag(dockerImageName)));
  }

  /**
   * A container of the given image.
   *
   * @param dockerImageName {@link #DEFAULT_IMAGE_NAME} with any tag, or another name declared
   *     compatible with {@code DockerImageName.parse(name).asCompatibleSubstituteFor(
   *     "cognitosyncmock/cognito-sync-mock")}
   * @throws IllegalStateException if the image is not compatible
   */
  public CognitoSyncContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    configureDefaults();
  }

  /**
   * A container of an image built on the fly, e.g. an {@link
   * org.testcontainers.images.builder.ImageFromDockerfile} of this repository's {@code
   * docker/Dockerfile}.
   *
   * @param image resolves to the image's name once built
   */
  public CognitoSyncContainer(Future<String> image) {
    super(image);
    configureDefaults();
  }

  private void configureDefaults() {
    withExposedPorts(PORT);
    withEnv(CognitoSyncOptions.PORT.env(), String.valueOf(PORT));
    withEnv(CognitoSyncOptions.BIND_ADDRESS.env(), "0.0.0.0");
    waitingFor(
        Wait.forHttp("/__admin/health")
            .forPort(PORT)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(120)));
  }

  /**
   * Sets any option as the image's server reads it: its {@code COGNITO_SYNC_MOCK_*} variable. A
   * file is copied into the container first ({@value #CONFIG_DIRECTORY}), a directory is bound
   * ({@code persistenceDirectory} to {@value #DATA_DIRECTORY}, {@code rootDirectory} to {@value
   * #ROOT_DIRECTORY}). The typed {@code with...} methods below are this, one each.
   *
   * @param <T> the option's value type
   * @param option one of {@link CognitoSyncOptions#ALL}
   * @param value its value
   * @return this container
   * @throws IllegalArgumentException for a bad value, or an option that does not apply to a
   *     container (the message says why)
   */
  public <T> CognitoSyncContainer withOption(Option<T> option, T value) {
    option
        .whyNot(Surface.CONTAINER)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(
                  option.name() + " does not apply to a container: " + why);
            });
    T checked = option.check(value);
    if (option.type() == ValueType.FILE) {
      Path file = (Path) checked;
      String containerPath = CONFIG_DIRECTORY + "/" + option.name().replace("File", "") + ".json";
      withCopyFileToContainer(MountableFile.forHostPath(file, 0644), containerPath);
      return withEnv(option.env(), containerPath);
    }
    if (option == CognitoSyncOptions.INIT_DIRECTORY) {
      withCopyFileToContainer(MountableFile.forHostPath((Path) checked, 0755), INIT_DIRECTORY);
      return withEnv(option.env(), INIT_DIRECTORY);
    }
    if (option.type() == ValueType.DIRECTORY) {
      String containerPath =
          option == CognitoSyncOptions.PERSISTENCE_DIRECTORY ? DATA_DIRECTORY : ROOT_DIRECTORY;
      withFileSystemBind(
          ((Path) checked).toAbsolutePath().toString(), containerPath, BindMode.READ_WRITE);
      return withEnv(option.env(), containerPath);
    }
    return withEnv(option.env(), option.format(checked));
  }

  /**
   * Sets every option {@code options} sets, as {@link #withOption} does.
   *
   * @param options the options
   * @return this container
   * @throws IllegalArgumentException for an option that does not apply to a container
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CognitoSyncContainer withOptions(CognitoSyncOptions options) {
    options.values().forEach((o, v) -> withOption((Option) o, v));
    return self();
  }

  /**
   * Whether unknown identity pools answer 404 until created through the admin API; default false.
   *
   * @param strictPools true for 404
   * @return this container
   */
  public CognitoSyncContainer withStrictPools(boolean strictPools) {
    return withOption(CognitoSyncOptions.STRICT_POOLS, strictPools);
  }

  /**
   * How long a SyncSessionToken stays valid.
   *
   * @param tokenExpiry longer than zero; default one hour
   * @return this container
   */
  public CognitoSyncContainer withTokenExpiry(Duration tokenExpiry) {
    return withOption(CognitoSyncOptions.TOKEN_EXPIRY, tokenExpiry);
  }

  /**
   * The account id developer credentials act as ({@code LastModifiedBy}).
   *
   * @param accountId default {@code 123456789012}
   * @return this container
   */
  public CognitoSyncContainer withAccountId(String accountId) {
    return withOption(CognitoSyncOptions.ACCOUNT_ID, accountId);
  }

  /**
   * A state document (as {@code GET /__admin/cognito-sync/state} exports) loaded at start-up,
   * copied into the container.
   *
   * @param seedFile a file on this host
   * @return this container
   */
  public CognitoSyncContainer withSeedFile(Path seedFile) {
    return withOption(CognitoSyncOptions.SEED_FILE, seedFile);
  }

  /**
   * {@link #withSeedFile(Path)} from a class-path resource.
   *
   * @param resourcePath the resource's path on the class path
   * @return this container
   */
  public CognitoSyncContainer withSeedResource(String resourcePath) {
    return withResource(CognitoSyncOptions.SEED_FILE, resourcePath);
  }

  /**
   * Fault rules in force from start-up (error answers, delays, connection faults), copied into the
   * container.
   *
   * @param faultFile a file on this host
   * @return this container
   */
  public CognitoSyncContainer withFaultFile(Path faultFile) {
    return withOption(CognitoSyncOptions.FAULT_FILE, faultFile);
  }

  /**
   * {@link #withFaultFile(Path)} from a class-path resource.
   *
   * @param resourcePath the resource's path on the class path
   * @return this container
   */
  public CognitoSyncContainer withFaultResource(String resourcePath) {
    return withResource(CognitoSyncOptions.FAULT_FILE, resourcePath);
  }

  /**
   * A scenario replayed from the first call: its marked steps fail as marked.
   *
   * @param scenarioFile a file on this host
   * @return this container
   */
  public CognitoSyncContainer withScenarioFile(Path scenarioFile) {
    return withOption(CognitoSyncOptions.SCENARIO_FILE, scenarioFile);
  }

  /**
   * {@link #withScenarioFile(Path)} from a class-path resource.
   *
   * @param resourcePath the resource's path on the class path
   * @return this container
   */
  public CognitoSyncContainer withScenarioResource(String resourcePath) {
    return withResource(CognitoSyncOptions.SCENARIO_FILE, resourcePath);
  }

  /**
   * Access keys the mock knows (docs/security.md), for signature checks and credential classes.
   *
   * @param credentialsFile a JSON list on this host
   * @return this container
   */
  public CognitoSyncContainer withCredentialsFile(Path credentialsFile) {
    return withOption(CognitoSyncOptions.CREDENTIALS_FILE, credentialsFile);
  }

  /**
   * {@link #withCredentialsFile(Path)} from a class-path resource.
   *
   * @param resourcePath the resource's path on the class path
   * @return this container
   */
  public CognitoSyncContainer withCredentialsResource(String resourcePath) {
    return withResource(CognitoSyncOptions.CREDENTIALS_FILE, resourcePath);
  }

  private CognitoSyncContainer withResource(Option<Path> option, String resourcePath) {
    String containerPath = CONFIG_DIRECTORY + "/" + option.name().replace("File", "") + ".json";
    withCopyFileToContainer(MountableFile.forClasspathResource(resourcePath, 0644), containerPath);
    return withEnv(option.env(), containerPath);
  }

  /**
   * Checks every request's SigV4 signature against the keys of the credentials file.
   *
   * @param verify whether to check; default false
   * @return this container
   */
  public CognitoSyncContainer withVerifySignatures(boolean verify) {
    return withOption(CognitoSyncOptions.VERIFY_SIGNATURES, verify);
  }

  /**
   * Refuses calls the caller's credential class may not make (SEMANTICS A7).
   *
   * @param enforce whether to refuse them; default false
   * @return this container
   */
  public CognitoSyncContainer withEnforceCredentialClasses(boolean enforce) {
    return withOption(CognitoSyncOptions.ENFORCE_CREDENTIAL_CLASSES, enforce);
  }

  /**
   * Cognito Identity state loaded at start-up: the document {@code GET
   * /__admin/cognito-sync/identity/state} exports (docs/identity.md).
   *
   * @param identitySeedFile a file on this host
   * @return this container
   */
  public CognitoSyncContainer withIdentitySeedFile(Path identitySeedFile) {
    return withOption(CognitoSyncOptions.IDENTITY_SEED_FILE, identitySeedFile);
  }

  /**
   * {@link #withIdentitySeedFile(Path)} from a class-path resource.
   *
   * @param resourcePath the resource's path on the class path
   * @return this container
   */
  public CognitoSyncContainer withIdentitySeedResource(String resourcePath) {
    return withResource(CognitoSyncOptions.IDENTITY_SEED_FILE, resourcePath);
  }

  /**
   * The region in the ids of pools and identities Cognito Identity creates.
   *
   * @param region default {@code us-east-1}
   * @return this container
   */
  public CognitoSyncContainer withIdentityRegion(String region) {
    return withOption(CognitoSyncOptions.IDENTITY_REGION, region);
  }

  /**
   * Whether DeleteIdentityPool and DeleteIdentities leave the Sync data in place.
   *
   * @param keeps default false: the data goes with the identity
   * @return this container
   */
  public CognitoSyncContainer withIdentityKeepsSyncData(boolean keeps) {
    return withOption(CognitoSyncOptions.IDENTITY_KEEPS_SYNC_DATA, keeps);
  }

  /**
   * Refuses expired provider JWTs, and user-pool/OIDC JWTs whose {@code iss} is not {@code
   * https://<login key>}.
   *
   * @param strict whether to refuse them; default false
   * @return this container
   */
  public CognitoSyncContainer withStrictLoginTokens(boolean strict) {
    return withOption(CognitoSyncOptions.STRICT_LOGIN_TOKENS, strict);
  }

  /**
   * Requires {@code Authorization: Bearer <token>} on the admin API, except the health check.
   *
   * @param token the bearer token
   * @return this container
   */
  public CognitoSyncContainer withAdminToken(String token) {
    return withOption(CognitoSyncOptions.ADMIN_TOKEN, token);
  }

  /**
   * An init directory: its {@code seed.json}, {@code faults.json}, {@code scenario.json} and {@code
   * mappings/} load at start-up (anything else in it is refused). Copied into the image's {@link
   * #INIT_DIRECTORY}, as {@code docker run -v DIR:/etc/cognito-sync-mock/init:ro} would mount it.
   *
   * @param directory a directory on this host
   * @return this container
   */
  public CognitoSyncContainer withInitDirectory(Path directory) {
    return withOption(CognitoSyncOptions.INIT_DIRECTORY, directory);
  }

  /**
   * Keeps state durable in the image's {@code /data} volume: it survives a restart of this
   * container (a stop and start of the same container, or the server's own recovery).
   *
   * @return this container
   */
  public CognitoSyncContainer withPersistence() {
    return withEnv(CognitoSyncOptions.PERSISTENCE_DIRECTORY.env(), DATA_DIRECTORY);
  }

  /**
   * Keeps state durable in a host directory, bound to {@code /data}: it outlives the container. The
   * server runs as uid 10001, which must be able to write there (with rootless engines the mapping
   * differs); a local Docker host is needed for a bind mount.
   *
   * @param hostDirectory a directory on this host
   * @return this container
   */
  public CognitoSyncContainer withPersistenceDirectory(Path hostDirectory) {
    return withOption(CognitoSyncOptions.PERSISTENCE_DIRECTORY, hostDirectory);
  }

  /**
   * WireMock's files root, a host directory bound to {@value #ROOT_DIRECTORY}: its {@code mappings}
   * load at start-up, recordings are written there (writable by uid 10001).
   *
   * @param hostDirectory a directory on this host
   * @return this container
   */
  public CognitoSyncContainer withRootDirectory(Path hostDirectory) {
    return withOption(CognitoSyncOptions.ROOT_DIRECTORY, hostDirectory);
  }

  /**
   * Proxies every API call to {@code endpoint} and records it (see the README).
   *
   * @param endpoint an http or https URL, e.g. {@code https://cognito-sync.us-east-1.amazonaws.com}
   * @return this container
   */
  public CognitoSyncContainer withRecordFrom(URI endpoint) {
    return withOption(CognitoSyncOptions.RECORD_FROM, endpoint);
  }

  /**
   * The region proxied requests are signed for.
   *
   * @param region default: from the {@link #withRecordFrom(URI)} host, else {@code us-east-1}
   * @return this container
   */
  public CognitoSyncContainer withRecordRegion(String region) {
    return withOption(CognitoSyncOptions.RECORD_REGION, region);
  }

  /**
   * The server's log level.
   *
   * @param level {@code error}, {@code warn}, {@code info} (the default) or {@code debug}, in any
   *     case
   * @return this container
   * @throws IllegalArgumentException for another level
   */
  public CognitoSyncContainer withLogLevel(String level) {
    return withLogLevel(CognitoSyncOptions.LOG_LEVEL.parse(level, "log level"));
  }

  /**
   * The server's log level.
   *
   * @param level default {@link ValueType.LogLevel#INFO}
   * @return this container
   */
  public CognitoSyncContainer withLogLevel(ValueType.LogLevel level) {
    return withOption(CognitoSyncOptions.LOG_LEVEL, level);
  }

  /**
   * Whether the mock answers its own requests before WireMock's stub matching while nothing
   * configured would notice; false sends every request through WireMock.
   *
   * @param fastPath default true
   * @return this container
   */
  public CognitoSyncContainer withFastPath(boolean fastPath) {
    return withOption(CognitoSyncOptions.FAST_PATH, fastPath);
  }

  /**
   * Whether every request is logged.
   *
   * @param verbose default false
   * @return this container
   */
  public CognitoSyncContainer withVerbose(boolean verbose) {
    return withOption(CognitoSyncOptions.VERBOSE, verbose);
  }

  /**
   * Whether a start-up error's stack trace follows its one-line message in the container's log.
   *
   * @param debug default false
   * @return this container
   */
  public CognitoSyncContainer withDebug(boolean debug) {
    return withOption(CognitoSyncOptions.DEBUG, debug);
  }

  /**
   * Requests kept in WireMock's journal.
   *
   * @param size 0 turns the journal off; default 1000
   * @return this container
   */
  public CognitoSyncContainer withRequestJournalSize(int size) {
    return withOption(CognitoSyncOptions.REQUEST_JOURNAL_SIZE, size);
  }

  /**
   * The largest request body accepted, in bytes (as sent and once gunzipped); larger ones get 413.
   *
   * @param bytes at least 1; default 8 MiB
   * @return this container
   */
  public CognitoSyncContainer withMaxRequestBodySize(int bytes) {
    return withOption(CognitoSyncOptions.MAX_REQUEST_BODY_SIZE, bytes);
  }

  /**
   * The region {@link #getRegion()} reports; the mock serves any.
   *
   * @param region default {@code us-east-1}
   * @return this container
   */
  public CognitoSyncContainer withRegion(String region) {
    this.region = region;
    return self();
  }

  /**
   * {@return the Cognito Sync endpoint, for {@code endpointOverride} or {@code --endpoint-url}}
   *
   * @throws IllegalStateException if the container is not started
   */
  public URI getEndpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /**
   * {@return the admin API's base, {@code <endpoint>/__admin/cognito-sync}}
   *
   * @throws IllegalStateException if the container is not started
   */
  public URI getAdminEndpoint() {
    return URI.create(getEndpoint() + "/__admin/cognito-sync");
  }

  /** {@return the region to give clients, as set with {@link #withRegion(String)}} */
  public String getRegion() {
    return region;
  }

  /** {@return a dummy access key: the mock accepts any credentials} */
  public String getAccessKey() {
    return ACCESS_KEY;
  }

  /** {@return a dummy secret key: the mock accepts any credentials} */
  public String getSecretKey() {
    return SECRET_KEY;
  }

  static String requireTag(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    if (!last.contains(":") && !name.contains("@")) {
      throw new IllegalArgumentException(
          "Give "
              + name
              + " a tag (e.g. "
              + name
              + ":"
              + DEFAULT_TAG
              + "): without one Docker would take latest, which may be any version");
    }
    return name;
  }

  private static String libraryVersion() {
    Properties p = new Properties();
    try (InputStream in = CognitoSyncContainer.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version");
    if (version == null || version.isBlank() || version.startsWith("${")) {
      // the resource is filtered by Maven; unfiltered (an IDE build), there is no honest default
      throw new IllegalStateException(
          "cognito-sync-mock-testcontainers has no version.properties"
              + " with its version; build it with Maven, or name the image with a tag");
    }
    return version;
  }
}
