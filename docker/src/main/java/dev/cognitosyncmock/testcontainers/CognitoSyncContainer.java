package dev.cognitosyncmock.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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
 * try (CognitoSyncContainer mock = new CognitoSyncContainer().withStrictPools()) {
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
 * <p>Every {@code with...} option sets the environment variable the image's server reads
 * ({@code COGNITO_SYNC_MOCK_*}); files are copied into the container before it starts, so the
 * options work with a remote Docker host too. The container is ready when WireMock's
 * {@code GET /__admin/health} answers 200.
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
   * @param dockerImageName an image name with a tag, compatible with {@link #DEFAULT_IMAGE_NAME};
   *     a name without one is refused rather than silently taken as {@code latest}
   */
  public CognitoSyncContainer(String dockerImageName) {
    this(DockerImageName.parse(requireTag(dockerImageName)));
  }

  /**
   * @param dockerImageName {@link #DEFAULT_IMAGE_NAME} with any tag, or another name declared
   *     compatible with {@code DockerImageName.parse(name).asCompatibleSubstituteFor(
   *     "cognitosyncmock/cognito-sync-mock")}
   */
  public CognitoSyncContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    configureDefaults();
  }

  /**
   * An image built on the fly, e.g. an {@link org.testcontainers.images.builder.ImageFromDockerfile}
   * of this repository's {@code docker/Dockerfile}.
   */
  public CognitoSyncContainer(Future<String> image) {
    super(image);
    configureDefaults();
  }

  private void configureDefaults() {
    withExposedPorts(PORT);
    withEnv("COGNITO_SYNC_MOCK_PORT", String.valueOf(PORT));
    withEnv("COGNITO_SYNC_MOCK_BIND_ADDRESS", "0.0.0.0");
    waitingFor(Wait.forHttp("/__admin/health")
        .forPort(PORT)
        .forStatusCode(200)
        .withStartupTimeout(Duration.ofSeconds(120)));
  }

  /** Unknown identity pools answer 404 until created through the admin API. */
  public CognitoSyncContainer withStrictPools() {
    return withStrictPools(true);
  }

  public CognitoSyncContainer withStrictPools(boolean strictPools) {
    return withEnv("COGNITO_SYNC_MOCK_STRICT_POOLS", String.valueOf(strictPools));
  }

  /** How long a SyncSessionToken stays valid (default one hour). */
  public CognitoSyncContainer withTokenExpiry(Duration tokenExpiry) {
    if (tokenExpiry.isNegative() || tokenExpiry.isZero()) {
      throw new IllegalArgumentException("token expiry must be positive: " + tokenExpiry);
    }
    return withEnv("COGNITO_SYNC_MOCK_TOKEN_EXPIRY", tokenExpiry.toString());
  }

  /** A state document (as {@code GET /__admin/cognito-sync/state} exports) loaded at start-up. */
  public CognitoSyncContainer withSeedFile(Path seedFile) {
    return withConfigFile(MountableFile.forHostPath(seedFile, 0644), "seed.json",
        "COGNITO_SYNC_MOCK_SEED_FILE");
  }

  /** {@link #withSeedFile(Path)} from a class-path resource. */
  public CognitoSyncContainer withSeedResource(String resourcePath) {
    return withConfigFile(MountableFile.forClasspathResource(resourcePath, 0644), "seed.json",
        "COGNITO_SYNC_MOCK_SEED_FILE");
  }

  /** Faults to inject (error answers, delays), for servers that support {@code --fault-file}. */
  public CognitoSyncContainer withFaultFile(Path faultFile) {
    return withConfigFile(MountableFile.forHostPath(faultFile, 0644), "faults.json",
        "COGNITO_SYNC_MOCK_FAULT_FILE");
  }

  /** {@link #withFaultFile(Path)} from a class-path resource. */
  public CognitoSyncContainer withFaultResource(String resourcePath) {
    return withConfigFile(MountableFile.forClasspathResource(resourcePath, 0644), "faults.json",
        "COGNITO_SYNC_MOCK_FAULT_FILE");
  }

  /** A scenario to play, for servers that support {@code --scenario-file}. */
  public CognitoSyncContainer withScenarioFile(Path scenarioFile) {
    return withConfigFile(MountableFile.forHostPath(scenarioFile, 0644), "scenario.json",
        "COGNITO_SYNC_MOCK_SCENARIO_FILE");
  }

  /** {@link #withScenarioFile(Path)} from a class-path resource. */
  public CognitoSyncContainer withScenarioResource(String resourcePath) {
    return withConfigFile(MountableFile.forClasspathResource(resourcePath, 0644), "scenario.json",
        "COGNITO_SYNC_MOCK_SCENARIO_FILE");
  }

  /**
   * An init directory: its {@code seed.json}, {@code faults.json}, {@code scenario.json} and
   * {@code mappings/} load at start-up (anything else in it is refused). Copied into the image's
   * {@link #INIT_DIRECTORY}, as {@code docker run -v DIR:/etc/cognito-sync-mock/init:ro} would
   * mount it.
   */
  public CognitoSyncContainer withInitDirectory(Path directory) {
    return withCopyFileToContainer(MountableFile.forHostPath(directory, 0755), INIT_DIRECTORY);
  }

  private CognitoSyncContainer withConfigFile(MountableFile file, String name, String variable) {
    String containerPath = CONFIG_DIRECTORY + "/" + name;
    withCopyFileToContainer(file, containerPath);
    return withEnv(variable, containerPath);
  }

  /**
   * Keeps state durable in the image's {@code /data} volume: it survives a restart of this
   * container (a stop and start of the same container, or the server's own recovery).
   */
  public CognitoSyncContainer withPersistence() {
    return withEnv("COGNITO_SYNC_MOCK_PERSISTENCE_DIR", DATA_DIRECTORY);
  }

  /**
   * Keeps state durable in a host directory, bound to {@code /data}: it outlives the container.
   * The server runs as uid 10001, which must be able to write there (with rootless engines the
   * mapping differs); a local Docker host is needed for a bind mount.
   */
  public CognitoSyncContainer withPersistenceDirectory(Path hostDirectory) {
    withFileSystemBind(hostDirectory.toAbsolutePath().toString(), DATA_DIRECTORY,
        BindMode.READ_WRITE);
    return withPersistence();
  }

  /** error, warn, info or debug. */
  public CognitoSyncContainer withLogLevel(String level) {
    String l = level.toLowerCase(Locale.ROOT);
    if (!l.matches("error|warn|warning|info|debug")) {
      throw new IllegalArgumentException("log level must be error, warn, info or debug: " + level);
    }
    return withEnv("COGNITO_SYNC_MOCK_LOG_LEVEL", l);
  }

  /** Log every request. */
  public CognitoSyncContainer withVerbose() {
    return withEnv("COGNITO_SYNC_MOCK_VERBOSE", "true");
  }

  /** Requests kept in WireMock's journal; 0 turns it off. */
  public CognitoSyncContainer withRequestJournalSize(int size) {
    return withEnv("COGNITO_SYNC_MOCK_REQUEST_JOURNAL_SIZE", String.valueOf(size));
  }

  /** The region {@link #getRegion()} reports (the mock serves any; default us-east-1). */
  public CognitoSyncContainer withRegion(String region) {
    this.region = region;
    return self();
  }

  /** The Cognito Sync endpoint, for {@code endpointOverride} or {@code --endpoint-url}. */
  public URI getEndpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /** The admin API's base, {@code <endpoint>/__admin/cognito-sync}. */
  public URI getAdminEndpoint() {
    return URI.create(getEndpoint() + "/__admin/cognito-sync");
  }

  public String getRegion() {
    return region;
  }

  /** A dummy access key: the mock accepts any credentials. */
  public String getAccessKey() {
    return ACCESS_KEY;
  }

  /** A dummy secret key: the mock accepts any credentials. */
  public String getSecretKey() {
    return SECRET_KEY;
  }

  static String requireTag(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    if (!last.contains(":") && !name.contains("@")) {
      throw new IllegalArgumentException("Give " + name + " a tag (e.g. " + name + ":"
          + DEFAULT_TAG + "): without one Docker would take latest, which may be any version");
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
      throw new IllegalStateException("cognito-sync-mock-testcontainers has no version.properties"
          + " with its version; build it with Maven, or name the image with a tag");
    }
    return version;
  }
}
