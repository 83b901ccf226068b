package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty.DefaultMultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.jetty.JettyFaultInjectorFactory;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpUtils;
import com.github.tomakehurst.wiremock.servlet.MultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.servlet.WireMockHttpServletRequestAdapter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The one place that knows WireMock's HTTP server is Jetty 11: WireMock's own server, with a
 * servlet filter in front of its stub and admin contexts, Jetty's error pages replaced by {@link
 * HttpLayerErrors}' answers ({@link ErrorPages}), and its acceptor count; and, for the {@link
 * FastPath}, WireMock's request and connection faults as its stub servlet makes and applies them.
 * WireMock 4 moves to Jetty 12 (EE11 servlets): src/wiremock4/java holds that version of this
 * class, and docs/wiremock4.md says what differs.
 */
final class JettyServer implements HttpServerFactory {
  private final Filter stubFilter;
  private final Filter adminFilter;

  private JettyServer(Filter stubFilter, Filter adminFilter) {
    this.stubFilter = stubFilter;
    this.adminFilter = adminFilter;
  }

  /**
   * WireMock's Jetty server with these filters in front, {@code acceptors} acceptors and {@code
   * idleTimeout} (null: WireMock's default).
   */
  static void install(
      WireMockConfiguration config,
      Filter stubFilter,
      Filter adminFilter,
      int acceptors,
      Duration idleTimeout) {
    config.jettyAcceptors(acceptors).httpServerFactory(new JettyServer(stubFilter, adminFilter));
    if (idleTimeout != null) {
      config.jettyIdleTimeout(idleTimeout.toMillis());
    }
  }

  private static final Jetty11HttpUtils UTILS = new Jetty11HttpUtils();
  private static final MultipartRequestConfigurer MULTIPART =
      new DefaultMultipartRequestConfigurer();
  private static final JettyFaultInjectorFactory FAULTS = new JettyFaultInjectorFactory(UTILS);

  /**
   * The request as WireMock's stub servlet hands it to its handler (browser proxying off: the
   * {@link FastPath} is then off).
   */
  static Request wireMockRequest(HttpServletRequest request) {
    return new WireMockHttpServletRequestAdapter(request, MULTIPART, null, false, UTILS);
  }

  /** A connection fault, applied as WireMock's stub servlet applies it. */
  static void applyFault(Fault fault, HttpServletRequest request, HttpServletResponse response) {
    fault.apply(FAULTS.buildFaultInjector(request, response));
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
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

      /** WireMock's configuration gives the stub context its own error handler: replaced here. */
      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateMockServiceContextAfterConfig(context);
        context.setErrorHandler(new ErrorPages());
      }

      /** WireMock gives the admin context no error handler, so ours goes in with the filter. */
      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(adminFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.setErrorHandler(new ErrorPages());
      }
    };
  }

  /** Jetty 11's error handler, answering with {@link HttpLayerErrors}. */
  private static final class ErrorPages extends ErrorHandler {
    /** Jetty writes error pages for GET, POST and HEAD only; every method gets the AWS shape. */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    /** Jetty's parser refused the request (bad request line, Host, framing, sizes, version). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      HttpLayerErrors.Answer answer = HttpLayerErrors.badMessage(status, reason);
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      fields.put("x-amzn-RequestId", answer.requestId());
      fields.put("x-amzn-ErrorType", answer.errorType());
      return ByteBuffer.wrap(answer.body());
    }

    /** An error raised inside a context: sendError, or an exception a servlet or filter threw. */
    @Override
    public void handle(
        String target,
        org.eclipse.jetty.server.Request baseRequest,
        HttpServletRequest request,
        HttpServletResponse response)
        throws IOException {
      baseRequest.setHandled(true);
      HttpLayerErrors.Answer answer =
          HttpLayerErrors.contextError(
              response.getStatus(),
              (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE),
              (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
      if (response.isCommitted()) {
        return;
      }
      response.setStatus(answer.status());
      response.setContentType("application/json");
      response.setHeader("x-amzn-RequestId", answer.requestId());
      response.setHeader("x-amzn-ErrorType", answer.errorType());
      response.setContentLength(answer.body().length);
      try {
        response.getOutputStream().write(answer.body());
      } catch (IllegalStateException writerInUse) {
        response.getWriter().write(new String(answer.body(), StandardCharsets.UTF_8));
      }
    }
  }
}
