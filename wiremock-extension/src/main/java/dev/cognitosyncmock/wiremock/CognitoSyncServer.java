package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.Stores;
import dev.cognitosyncmock.CognitoSyncService;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The mock as a running WireMock server: what the standalone runner, the JUnit extension and
 * in-process tests start. The request journal is capped by default (an unbounded one grows
 * without end under load) and per-request logging is off unless asked for.
 */
public final class CognitoSyncServer implements AutoCloseable {
  public static final int DEFAULT_REQUEST_JOURNAL_SIZE = 1000;
  /**
   * 8 MiB: the largest valid request (a 1 MiB value of control characters, each escaped as six
   * bytes) fits with room; anything larger only costs memory.
   */
  public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 8L * 1024 * 1024;

  private final CognitoSyncService service;
  private final WireMockServer wireMock;

  private CognitoSyncServer(Builder b) {
    this.service = b.service;
    WireMockConfiguration config = options()
        .port(b.port)
        .bindAddress(b.bindAddress)
        .extensions(new CognitoSyncExtensions(b.service))
        // answers requests WireMock's journal cannot decode, which WireMock would answer 500
        .httpServerFactory(new CognitoSyncHttpServerFactory(b.service, b.maxRequestBodySize))
        .notifier(new ConsoleNotifier(b.verbose))
        .stubRequestLoggingDisabled(!b.verbose)
        // Jetty wants no more acceptors than cores; small CI machines have two
        .jettyAcceptors(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    if (b.requestJournalSize <= 0) {
      config.disableRequestJournal();
    } else {
      config.maxRequestJournalEntries(b.requestJournalSize);
      // the journal is capped in entries; this caps each entry's response body too
      config.maxLoggedResponseSize(ConstantTimeJournalStore.MAX_BODY_BYTES);
    }
    b.wireMockOptions.accept(config);
    Stores stores = config.getStores();
    if (b.requestJournalSize > 0 && (stores == null || stores.getClass() == DefaultStores.class)) {
      // after the user's options, so that a files root they set is the one the stores use
      config.withStores(new ConstantTimeJournalStore.Stores(config.filesRoot()));
    }
    this.wireMock = new WireMockServer(config);
  }

  public static Builder builder() {
    return new Builder();
  }

  public CognitoSyncServer start() {
    wireMock.start();
    return this;
  }

  public void stop() {
    wireMock.stop();
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return wireMock.isRunning();
  }

  public int port() {
    return wireMock.port();
  }

  /** Where SDK clients point their endpoint override. */
  public URI endpoint() {
    return URI.create("http://localhost:" + port());
  }

  public CognitoSyncService service() {
    return service;
  }

  /** The WireMock server underneath, for stubbing and verifying with WireMock's own API. */
  public WireMockServer wireMock() {
    return wireMock;
  }

  public static final class Builder {
    private CognitoSyncService service;
    private int port = 0;
    private String bindAddress = "127.0.0.1";
    private int requestJournalSize = DEFAULT_REQUEST_JOURNAL_SIZE;
    private boolean verbose;
    private long maxRequestBodySize = DEFAULT_MAX_REQUEST_BODY_SIZE;
    private Consumer<WireMockConfiguration> wireMockOptions = c -> { };

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress);
      return this;
    }

    public Builder service(CognitoSyncService service) {
      this.service = Objects.requireNonNull(service);
      return this;
    }

    /** How many requests WireMock's journal keeps; 0 turns the journal off. */
    public Builder requestJournalSize(int size) {
      this.requestJournalSize = size;
      return this;
    }

    /**
     * The largest request body accepted, in bytes, as sent and once gunzipped; a larger one is
     * answered 413 RequestEntityTooLargeException without being read further.
     */
    public Builder maxRequestBodySize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("The maximum request body size must be at least 1 byte,"
            + " got: " + bytes);
      }
      this.maxRequestBodySize = bytes;
      return this;
    }

    /** Logs every request WireMock serves. */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /** Any further WireMock option, applied last. */
    public Builder wireMockOptions(Consumer<WireMockConfiguration> customizer) {
      this.wireMockOptions = Objects.requireNonNull(customizer);
      return this;
    }

    public CognitoSyncServer build() {
      if (service == null) {
        service = CognitoSyncService.createDefault();
      }
      return new CognitoSyncServer(this);
    }
  }
}
