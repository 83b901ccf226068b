package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The one place that knows WireMock's HTTP server is Jetty 11: WireMock's own server, with a
 * servlet filter in front of its stub and admin contexts. WireMock 4 moves to Jetty 12 (EE10
 * servlets); docs/wiremock4.md says what changes here, and only here.
 */
final class JettyServer {
  private JettyServer() {
  }

  static HttpServer withFilters(Options options, AdminRequestHandler admin,
      StubRequestHandler stubs, Filter stubFilter, Filter adminFilter) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateMockServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(stubFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateAdminServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(adminFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
      }
    };
  }
}
