package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.common.ContentTypes.CONTENT_LENGTH;

import com.github.tomakehurst.wiremock.common.DataTruncationSettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockApp;
import com.github.tomakehurst.wiremock.extension.AbstractTransformer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.Extensions;
import com.github.tomakehurst.wiremock.extension.PostServeAction;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilter;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestIdDecorator;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.DisabledRequestJournal;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.RequestJournal;
import com.github.tomakehurst.wiremock.verification.StoreBackedRequestJournal;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.engine.RandomUuids;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.wiremock.webhooks.Webhooks;

/**
 * Answers the mock's own requests in the servlet filter, without WireMock's stub matching,
 * transformers and rendering, while nothing a user configured could tell the difference: the
 * catch-all is the only stub ({@link CatchAllOnlyStubStore}), no extension of anyone else's acts on
 * every request (a stub request filter, a global serve-event listener, a post-serve action, a
 * global transformer), no request listener was added, and WireMock was not asked to log every
 * request, proxy browsers, add CORS headers or answer delays asynchronously. It then does what
 * WireMock's stub handler would for the catch-all: the same {@link ServeEvent} (request, the
 * catch-all stub, its response definition, the response) in the same request journal, the same
 * status, headers and body, delays and connection faults. Anything else takes WireMock's path.
 */
final class FastPath {
  /** Whether this WireMock line has the fast path (src/wiremock4/java's has not, yet). */
  static final boolean PORTED = true;

  private final CognitoSyncService service;
  private final boolean enabled;
  private final LongAdder served = new LongAdder();

  /** Why the configuration or extensions rule the fast path out; null while they do not. */
  private volatile String offBecause = "not started";

  private static final String REQUEST_LISTENER = "a request listener was added";
  private volatile boolean requestListener;

  private Extensions extensions;
  private Set<Extension> own = Set.of();
  private CatchAllOnlyStubStore stubs;
  private SettingsStore settings;
  private RequestJournal journal;
  private DataTruncationSettings truncation;
  private boolean contentLength;

  FastPath(CognitoSyncService service, boolean enabled) {
    this.service = service;
    this.enabled = enabled;
  }

  /** WireMock's extensions, as loaded, and the mock's own among them. */
  void extensions(Extensions extensions, Set<Extension> own) {
    this.extensions = extensions;
    this.own = own;
  }

  /** The mock's stores, when WireMock uses them: without them stubs cannot be followed. */
  void stores(MockStores stores) {
    this.stubs = stores.getStubStore();
    this.settings = stores.getSettingsStore();
  }

  /** After WireMock has started: decides what the configuration allows. */
  void start(Options options) {
    String off = offBecause(options);
    if (off == null) {
      journal =
          options.requestJournalDisabled()
              ? new DisabledRequestJournal()
              : new StoreBackedRequestJournal(
                  options.maxRequestJournalEntries().orElse(null),
                  Map.of(),
                  options.getStores().getRequestJournalStore());
      truncation = options.getDataTruncationSettings();
      // WireMock's servlet reads an unset policy as ALWAYS: no Content-Length of its own
      Options.ChunkedEncodingPolicy policy = options.getChunkedEncodingPolicy();
      contentLength = policy != null && policy != Options.ChunkedEncodingPolicy.ALWAYS;
    }
    offBecause = off; // last: the volatile write publishes the fields above to request threads
  }

  /** A request listener was added to WireMock's stub handler: only WireMock's path calls it. */
  void requestListenerAdded() {
    requestListener = true;
    offBecause = REQUEST_LISTENER;
  }

  /** {@return why the fast path is off whatever the stubs, or empty while it may apply} */
  Optional<String> offBecause() {
    return Optional.ofNullable(offBecause);
  }

  /** {@return how many requests the fast path answered} */
  long served() {
    return served.sum();
  }

  private String offBecause(Options options) {
    if (!enabled) {
      return "turned off (" + CognitoSyncOptions.FAST_PATH.flag() + ")";
    }
    if (stubs == null
        || options.getStores() == null
        || options.getStores().getStubStore() != stubs) {
      return "WireMock uses stores of its user's";
    }
    if (requestListener) {
      return REQUEST_LISTENER;
    }
    if (extensions == null) {
      return "WireMock's extensions are unknown";
    }
    if (!options.getStubRequestLoggingDisabled()) {
      return "WireMock logs every request";
    }
    if (options.browserProxySettings().enabled()) {
      return "browser proxying is on";
    }
    if (options.getStubCorsEnabled()) {
      return "WireMock adds CORS headers";
    }
    if (options.getAsynchronousResponseSettings().isEnabled()) {
      return "WireMock answers delays asynchronously";
    }
    for (Extension e : extensions.ofType(Extension.class).values()) {
      if (!own.contains(e) && actsOnEveryRequest(e)) {
        return "the extension " + e.getName() + " acts on every request";
      }
    }
    return null;
  }

  /** An extension WireMock's stub handler would call for a request the catch-all answers. */
  private static boolean actsOnEveryRequest(Extension e) {
    return (e instanceof RequestFilter f && f.applyToStubs())
        || (e instanceof RequestFilterV2 f2 && f2.applyToStubs())
        || (e instanceof ServeEventListener l && l.applyGlobally())
        // WireMock calls every post-serve action's global hook; its webhooks' does nothing
        || (e instanceof PostServeAction && e.getClass() != Webhooks.class)
        || (e instanceof AbstractTransformer<?> t && t.applyGlobally())
        || (e instanceof ResponseDefinitionTransformerV2 d && d.applyGlobally())
        || (e instanceof ResponseTransformerV2 r && r.applyGlobally());
  }

  /**
   * Answers {@code request} (its body readable again) as WireMock would for the catch-all, when the
   * fast path applies to it.
   *
   * @return whether it was answered; if not, WireMock's path is to answer it
   */
  boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
    StubMapping catchAll = catchAllFor(request);
    if (catchAll == null) {
      return false;
    }
    served.increment(); // before the answer, which a client may read before serve returns
    serve(catchAll, request, response);
    return true;
  }

  /**
   * The catch-all stub when this request may take the fast path, else null. Admin paths, WireMock's
   * files ({@code /__files/}) and CONNECT take WireMock's path.
   */
  private StubMapping catchAllFor(HttpServletRequest request) {
    if (offBecause != null) {
      return null;
    }
    StubMapping catchAll = stubs.onlyCatchAll();
    if (catchAll == null || "CONNECT".equals(request.getMethod())) {
      return null;
    }
    HttpServletMapping mapping = request.getHttpServletMapping();
    // WireMock's stub servlet is the context's default servlet ("/"); files have their own
    if (mapping == null || !"/".equals(mapping.getPattern())) {
      return null;
    }
    return request.getRequestURI().startsWith(WireMockApp.ADMIN_CONTEXT_ROOT) ? null : catchAll;
  }

  /**
   * What WireMock's stub handler does for a request the catch-all answers: the serve event (request
   * with its id, the stub, the response definition the mock's transformer gives, the rendered
   * response) journaled before the answer is sent and completed after it.
   */
  private void serve(StubMapping catchAll, HttpServletRequest request, HttpServletResponse out)
      throws IOException {
    Request wireMockRequest = JettyServer.wireMockRequest(request);
    // as ServeEvent.of(..).withIdDecoratedRequest(), but logging the request once, not twice
    UUID id = RandomUuids.nextUuid();
    ServeEvent event =
        new ServeEvent(
            id,
            LoggedRequest.createFrom(new RequestIdDecorator(wireMockRequest, id)),
            catchAll,
            null,
            null,
            false,
            null,
            null);
    ProtocolResponse answer = service.handle(WireMockTranslation.request(event.getRequest()));
    ResponseDefinition definition =
        WireMockTranslation.response(answer, List.of(CognitoSyncWireMockExtension.NAME));
    event = event.withResponseDefinition(definition);
    GlobalSettings global = settings.get();
    Response.Builder rendered =
        Response.response()
            .status(definition.getStatus())
            .headers(definition.getHeaders())
            .fault(definition.getFault())
            .configureDelay(
                global.getFixedDelay(),
                global.getDelayDistribution(),
                definition.getFixedDelayMilliseconds(),
                definition.getDelayDistribution())
            .protocol(wireMockRequest.getProtocol());
    if (definition.specifiesBodyContent()) {
      rendered.body(definition.getByteBody());
    }
    Response response = rendered.build();
    event = event.complete(response, truncation);
    journal.requestReceived(event);
    event.beforeSend();
    respond(response, request, out);
    event.afterSend();
    journal.serveCompleted(event);
  }

  /** As WireMock's stub servlet answers synchronously. */
  private void respond(Response response, HttpServletRequest request, HttpServletResponse out)
      throws IOException {
    if (response.getInitialDelay() > 0) {
      try {
        TimeUnit.MILLISECONDS.sleep(response.getInitialDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Fault fault = response.getFault();
    if (fault != null) {
      JettyServer.applyFault(fault, request, out);
      out.addHeader(Fault.class.getName(), fault.name());
      return;
    }
    out.setStatus(response.getStatus());
    for (HttpHeader header : response.getHeaders().all()) {
      for (String value : header.values()) {
        out.addHeader(header.key(), value);
      }
    }
    byte[] body = response.getBody();
    if (contentLength && out.getHeader(CONTENT_LENGTH) == null) {
      out.setContentLength(body.length);
    }
    try (ServletOutputStream stream = out.getOutputStream()) {
      stream.write(body);
      stream.flush();
    }
  }
}
