package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The one place that knows WireMock's HTTP server is Jetty 11 (with {@link HttpLayerErrors}, its
 * error handler): WireMock's own server, with a servlet filter in front of its stub and admin
 * contexts, Jetty's error pages replaced, and its acceptor count. WireMock 4 moves to Jetty 12
 * (EE11 servlets): src/wiremock4/java holds that version of this class, and docs/wiremock4.md says
 * what differs.
 */
final class JettyServer implements HttpServerFactory {
  private final Filter stubFilter;
  private final Filter adminFilter;

  private JettyServer(Filter stubFilter, Filter adminFilter) {
    this.stubFilter = stubFilter;
    this.adminFilter = adminFilter;
  }

  /** WireMock's Jetty server with these filters in front, and {@code acceptors} acceptors. */
  static void install(
      WireMockConfiguration config, Filter stubFilter, Filter adminFilter, int acceptors) {
    config.jettyAcceptors(acceptors).httpServerFactory(new JettyServer(stubFilter, adminFilter));
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        // what the HTTP parser refuses (Host, framing, sizes, versions) is answered here
        jettyServer.setErrorHandler(new HttpLayerErrors());
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateMockServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(stubFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateMockServiceContextAfterConfig(context);
        context.setErrorHandler(new HttpLayerErrors());
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(adminFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextAfterConfig(context);
        context.setErrorHandler(new HttpLayerErrors());
      }
    };
  }
}
