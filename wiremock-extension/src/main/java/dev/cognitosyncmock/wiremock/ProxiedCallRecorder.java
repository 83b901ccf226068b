package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.CognitoSyncService;

/**
 * Adds the calls WireMock proxies elsewhere (recording a real endpoint) to the mock's scenario
 * recording, so that a proxy session also yields a scenario file. Calls the mock answers itself are
 * recorded by the protocol and ignored here.
 */
final class ProxiedCallRecorder implements ServeEventListener {
  static final String NAME = "cognito-sync-proxied-calls";

  private final CognitoSyncService service;

  ProxiedCallRecorder(CognitoSyncService service) {
    this.service = service;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    if (!service.faults().recorder().isRecording()
        || serveEvent.getResponseDefinition() == null
        || !serveEvent.getResponseDefinition().isProxyResponse()
        || serveEvent.getResponse() == null) {
      return;
    }
    service
        .describe(WireMockTranslation.request(serveEvent.getRequest()))
        .ifPresent(
            call -> {
              HttpHeader type = serveEvent.getResponse().getHeaders().getHeader("x-amzn-ErrorType");
              String errorType = type == null || !type.isPresent() ? null : type.firstValue();
              if (errorType != null && errorType.indexOf(':') > 0) {
                errorType =
                    errorType.substring(0, errorType.indexOf(':')); // Name:http://internal...
              }
              service
                  .faults()
                  .recorder()
                  .recordAnswered(call, serveEvent.getResponse().getStatus(), errorType);
            });
  }
}
