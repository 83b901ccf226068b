package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.recording.RecordingStatus;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.Stores;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.faults.ScenarioJson;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.options.ConfigurationFiles;
import dev.cognitosyncmock.options.InvalidOptionException;
import dev.cognitosyncmock.options.Option;
import dev.cognitosyncmock.options.OptionSetters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mock as a running WireMock server: what the standalone runner, the JUnit extension and
 * in-process tests start, all from the same {@link CognitoSyncOptions}. The request journal is
 * capped by default (an unbounded one grows without end under load) and per-request logging is off
 * unless asked for. With {@code recordFrom} set it proxies and records from start to stop.
 */
public final class CognitoSyncServer implements AutoCloseable {
  /**
   * Requests WireMock's journal keeps unless told otherwise: the default of {@link
   * CognitoSyncOptions#REQUEST_JOURNAL_SIZE}.
   */
  public static final int DEFAULT_REQUEST_JOURNAL_SIZE =
      CognitoSyncOptions.REQUEST_JOURNAL_SIZE.defaultValue();

  private final CognitoSyncService service;
  private final CognitoSyncOptions options;
  private final WireMockServer wireMock;

  /** WireMock's files root, or null when none is used. */
  private final Path root;

  private final RecordingSigner signer;

  private final FastPath fastPath;

  private CognitoSyncServer(Builder b, CognitoSyncService service, CognitoSyncOptions o) {
    this.service = service;
    this.options = o;
    boolean verbose = o.get(CognitoSyncOptions.VERBOSE);
    int journalSize = o.get(CognitoSyncOptions.REQUEST_JOURNAL_SIZE);
    this.fastPath = new FastPath(service, o.get(CognitoSyncOptions.FAST_PATH));
    WireMockConfiguration config =
        WireMockConfiguration.options()
            .port(o.get(CognitoSyncOptions.PORT))
            .bindAddress(o.get(CognitoSyncOptions.BIND_ADDRESS))
            .extensions(new CognitoSyncExtensionFactory(service, fastPath))
            .notifier(new ConsoleNotifier(verbose))
            .stubRequestLoggingDisabled(!verbose);
    // answers requests WireMock's journal cannot decode, which WireMock would answer 500, and
    // the mock's own requests on the fast path
    CognitoSyncHttpServerFactory.install(
        config, service, fastPath, o.get(CognitoSyncOptions.MAX_REQUEST_BODY_SIZE), b.idleTimeout);
    if (journalSize <= 0) {
      config.disableRequestJournal();
    } else {
      config.maxRequestJournalEntries(journalSize);
      // the journal is capped in entries; this caps each entry's response body too
      config.maxLoggedResponseSize(ConstantTimeJournalStore.MAX_BODY_BYTES);
    }
    URI recordFrom = o.get(CognitoSyncOptions.RECORD_FROM);
    this.root =
        o.isSet(CognitoSyncOptions.ROOT_DIRECTORY)
            ? o.get(CognitoSyncOptions.ROOT_DIRECTORY)
            : recordFrom != null ? Path.of(".") : null;
    this.signer =
        recordFrom == null
            ? null
            : RecordingSigner.Credentials.fromEnvironment(System.getenv())
                .map(
                    c ->
                        new RecordingSigner(
                            recordFrom,
                            c,
                            o.get(CognitoSyncOptions.RECORD_REGION),
                            Clock.systemUTC()))
                .orElse(null);
    if (root != null) {
      ConfigurationFiles.open(
          CognitoSyncOptions.ROOT_DIRECTORY, root, CognitoSyncServer::createDirectories);
      config.usingFilesUnderDirectory(root.toString());
      if (signer != null) {
        config.extensions(signer);
      }
    }
    b.wireMockOptions.accept(config);
    Stores stores = config.getStores();
    if (stores == null || stores.getClass() == DefaultStores.class) {
      // after the user's options, so that a files root they set is the one the stores use
      MockStores own = new MockStores(config.filesRoot());
      config.withStores(own);
      fastPath.stores(own);
    }
    this.wireMock =
        new WireMockServer(config) {
          /** Only WireMock's path calls request listeners. */
          @Override
          public void addMockServiceRequestListener(RequestListener listener) {
            fastPath.requestListenerAdded();
            super.addMockServiceRequestListener(listener);
          }
        };
  }

  /** {@return a builder with every option at its in-process default: a free port on 127.0.0.1} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening, and recording when {@code recordFrom} is set.
   *
   * @return this server
   * @throws InvalidOptionException if the port is in use, naming it
   */
  public CognitoSyncServer start() {
    int port = options.get(CognitoSyncOptions.PORT);
    String address = options.get(CognitoSyncOptions.BIND_ADDRESS);
    if (port != 0) {
      checkPortFree(address, port);
    }
    try {
      wireMock.start();
    } catch (RuntimeException e) {
      if (bindFailure(e)) {
        throw portInUse(address, port, e);
      }
      throw e;
    }
    fastPath.start(wireMock.getOptions());
    URI recordFrom = options.get(CognitoSyncOptions.RECORD_FROM);
    if (recordFrom != null) {
      wireMock.startRecording(CognitoSyncRecording.spec(recordFrom.toString()));
      service.faults().recorder().start("recorded from " + recordFrom, null);
    }
    return this;
  }

  /** Stops; when recording, first saves the mappings and the scenario into the files root. */
  public void stop() {
    if (options.isSet(CognitoSyncOptions.RECORD_FROM) && wireMock.isRunning()) {
      finishRecording();
    }
    wireMock.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** {@return whether the server is listening} */
  public boolean isRunning() {
    return wireMock.isRunning();
  }

  /** {@return the port the server listens on, the free one it picked for port 0} */
  public int port() {
    return wireMock.port();
  }

  /** {@return where SDK clients point their endpoint override, {@code http://localhost:<port>}} */
  public URI endpoint() {
    return URI.create("http://localhost:" + port());
  }

  /** {@return the mock behind the server: engine, admin API, faults} */
  public CognitoSyncService service() {
    return service;
  }

  /** {@return the options in force: the service's, with the server builder's on top} */
  public CognitoSyncOptions options() {
    return options;
  }

  /**
   * {@return WireMock's files root, where mappings load from and recordings go; empty when none is
   * used}
   */
  public Optional<Path> filesRoot() {
    return Optional.ofNullable(root);
  }

  /** The signer of proxied requests, when recording with credentials from the environment. */
  Optional<RecordingSigner> recordingSigner() {
    return Optional.ofNullable(signer);
  }

  /**
   * {@return the WireMock server underneath, for stubbing and verifying with WireMock's own API}
   */
  public WireMockServer wireMock() {
    return wireMock;
  }

  /** The fast path: whether it applies, and how many requests it answered. */
  FastPath fastPath() {
    return fastPath;
  }

  /** Saves the WireMock mappings and the scenario recorded so far, when still recording. */
  private void finishRecording() {
    try {
      if (wireMock.getRecordingStatus().getStatus() == RecordingStatus.Recording) {
        wireMock.stopRecording();
      }
      if (service.faults().recorder().isRecording()) {
        Files.write(
            root.resolve("recorded-scenario.json"),
            ScenarioJson.scenarioFile(service.faults().recorder().stop()));
      }
    } catch (IOException | RuntimeException e) {
      Logger.getLogger(CognitoSyncServer.class.getName())
          .log(Level.WARNING, "Could not save the recording", e);
    }
  }

  private static Path createDirectories(Path root) {
    if (Files.isDirectory(root.resolve("mappings"))) {
      return root; // a tree of the user's (an init directory may be mounted read-only)
    }
    try {
      Files.createDirectories(root.resolve("mappings"));
      Files.createDirectories(root.resolve("__files"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binding first, as Jetty would (address reuse on), fails in milliseconds, not seconds. */
  static void checkPortFree(String address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw portInUse(address, port, e);
    }
  }

  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static InvalidOptionException portInUse(String address, int port, Exception e) {
    String reason =
        e instanceof BindException || bindFailure(e)
            ? "Address already in use"
            : ConfigurationFiles.cause(e);
    return new InvalidOptionException(
        CognitoSyncOptions.PORT,
        "cannot listen on "
            + address
            + ":"
            + port
            + " ("
            + CognitoSyncOptions.PORT.flag()
            + "): "
            + reason,
        e);
  }

  /**
   * Builds a server from {@link CognitoSyncOptions}: the service (unless one is given) and the
   * server (port, bind address, journal, files root, recording) take theirs from the same options.
   * The typed methods ({@link OptionSetters}) write into those options.
   */
  public static final class Builder implements OptionSetters<Builder> {
    private CognitoSyncService service;
    private final CognitoSyncOptions.Builder options = CognitoSyncOptions.builder();
    private Consumer<WireMockConfiguration> wireMockOptions = c -> {};
    private Duration idleTimeout;

    @Override
    public <T> Builder set(Option<T> option, T value) {
      options.set(option, value);
      return this;
    }

    /**
     * A service built already; its options apply, with this builder's on top (the service's own
     * settings, e.g. a seed, are not rebuilt).
     *
     * @param service the service, not null
     * @return this builder
     */
    public Builder service(CognitoSyncService service) {
      this.service = Objects.requireNonNull(service);
      return this;
    }

    /**
     * How long a connection may stay idle, a request stall mid-body, before Jetty closes it
     * (answered 400 when a body stalls); WireMock's default when not set. The same on WireMock 3
     * ({@code jettyIdleTimeout}) and 4 (a Jetty setting of the HTTP server).
     *
     * @param idleTimeout longer than zero
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Any further WireMock option, applied last.
     *
     * @param customizer changes WireMock's configuration, not null
     * @return this builder
     */
    public Builder wireMockOptions(Consumer<WireMockConfiguration> customizer) {
      this.wireMockOptions = Objects.requireNonNull(customizer);
      return this;
    }

    /**
     * {@return the server, not yet started; its service too unless one was given}
     *
     * @throws InvalidOptionException if a file an option names is missing or malformed
     */
    public CognitoSyncServer build() {
      CognitoSyncOptions own = options.build();
      CognitoSyncService built =
          service != null ? service : CognitoSyncService.builder().options(own).build();
      return new CognitoSyncServer(this, built, built.options().with(own));
    }
  }
}
