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
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * WireMock 4's version of src/main/java's JettyServer (the -Pwiremock4 profile compiles this one
 * instead): Jetty 12 with EE11 servlets, acceptors in {@link JettySettings}, and the message
 * (WebSocket) handler WireMock 4 passes to every HTTP server.
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
      WireMockConfiguration config, Filter stubFilter, Filter adminFilter, int acceptors) {
    config.httpServerFactory(
        new JettyServer(
            stubFilter,
            adminFilter,
            JettySettings.Builder.aJettySettings().withAcceptors(acceptors).build()));
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
