package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty.Jetty12HttpServer;
import com.github.tomakehurst.wiremock.jetty.JettySettings;
import com.github.tomakehurst.wiremock.message.MessageStubRequestHandler;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * WireMock 4's version of src/main/java's JettyServer (the -Pwiremock4 profile compiles this one
 * instead): Jetty 12 with EE11 servlets, acceptors in {@link JettySettings}, the message
 * (WebSocket) handler WireMock 4 passes to every HTTP server, and Jetty 12's error handler ({@link
 * ErrorPages}) answering with {@link HttpLayerErrors}.
 */
final class JettyServer implements HttpServerFactory {
  private final Filter stubFilter;
  private final Filter adminFilter;
  private final JettySettings settings;

  private JettyServer(Filter stubFilter, Filter adminFilter, JettySettings settings) {
    this.stubFilter = stubFilter;
    this.adminFilter = adminFilter;
    this.settings = settings;
  }

  static void install(
      WireMockConfiguration config,
      Filter stubFilter,
      Filter adminFilter,
      int acceptors,
      Duration idleTimeout) {
    config.httpServerFactory(
        new JettyServer(
            stubFilter,
            adminFilter,
            JettySettings.Builder.aJettySettings()
                .withAcceptors(acceptors)
                .withIdleTimeout(idleTimeout == null ? null : idleTimeout.toMillis())
                .build()));
  }

  @Override
  public HttpServer buildHttpServer(
      Options options,
      AdminRequestHandler admin,
      StubRequestHandler stubs,
      MessageStubRequestHandler messages) {
    return new Jetty12HttpServer(
        options,
        admin,
        stubs,
        settings,
        new QueuedThreadPool(options.containerThreads()),
        messages) {
      @Override
      protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        // what the HTTP parser refuses (Host, framing, sizes, versions) is answered here
        jettyServer.setErrorHandler(new ErrorPages());
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateMockServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(stubFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateMockServiceContextAfterConfig(context);
        context.setErrorHandler(new ErrorPages());
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(adminFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextAfterConfig(context);
        context.setErrorHandler(new ErrorPages());
      }
    };
  }

  /**
   * Jetty 12's error handler (a {@code Request.Handler}), answering with {@link HttpLayerErrors}:
   * on the server for what the parser refuses, on the contexts for sendError and what a servlet or
   * filter threw.
   */
  private static final class ErrorPages extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    @SuppressWarnings("removal") // Jetty 12 still calls it for the requests its parser refuses
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      HttpLayerErrors.Answer answer = HttpLayerErrors.badMessage(status, reason);
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      fields.put("x-amzn-RequestId", answer.requestId());
      fields.put("x-amzn-ErrorType", answer.errorType());
      return ByteBuffer.wrap(answer.body());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Throwable cause =
          attribute(request, Throwable.class, RequestDispatcher.ERROR_EXCEPTION, ERROR_EXCEPTION);
      String reason =
          attribute(request, String.class, RequestDispatcher.ERROR_MESSAGE, ERROR_MESSAGE);
      Integer status =
          attribute(request, Integer.class, RequestDispatcher.ERROR_STATUS_CODE, ERROR_STATUS);
      int code = status != null ? status : response.getStatus();
      if (cause instanceof HttpException http) {
        code = http.getCode();
        reason = reason != null ? reason : http.getReason();
      }
      HttpLayerErrors.Answer answer =
          cause instanceof HttpException && code < 500
              ? HttpLayerErrors.badMessage(code, reason)
              : HttpLayerErrors.contextError(code, reason, cause);
      if (response.isCommitted()) {
        callback.succeeded();
        return true;
      }
      response.setStatus(answer.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put("x-amzn-RequestId", answer.requestId());
      response.getHeaders().put("x-amzn-ErrorType", answer.errorType());
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
      response.write(true, ByteBuffer.wrap(answer.body()), callback);
      return true;
    }

    /** The servlet attribute, else Jetty's own: a servlet context sets the former. */
    private static <T> T attribute(Request request, Class<T> type, String servlet, String jetty) {
      for (String name : new String[] {servlet, jetty}) {
        Object value = request.getAttribute(name);
        if (type.isInstance(value)) {
          return type.cast(value);
        }
      }
      return null;
    }
  }
}
