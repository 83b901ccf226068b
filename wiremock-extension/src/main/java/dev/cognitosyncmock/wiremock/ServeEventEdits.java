package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The one place that changes the request of a WireMock {@link ServeEvent}. WireMock 3 wraps a
 * request body in {@link Body}, and its served response definition keeps its own reference to the
 * whole request (for proxying), which is replaced too; WireMock 4 wraps bodies in an {@code Entity}
 * and dropped that reference, so its version (src/wiremock4/java, see docs/wiremock4.md) differs.
 */
final class ServeEventEdits {
  private ServeEventEdits() {}

  /** {@code event} with its request's body replaced by {@code body}. */
  static ServeEvent withRequestBody(ServeEvent event, byte[] body) {
    ServeEvent replaced =
        event.replaceRequest(
            RequestWrapper.create().transformBody(b -> new Body(body)).wrap(event.getRequest()));
    ResponseDefinition answered = replaced.getResponseDefinition();
    if (answered != null && answered.getOriginalRequest() != null) {
      // the answered definition would otherwise keep the whole request (proxying is done by now)
      answered.setOriginalRequest(replaced.getRequest());
    }
    return replaced;
  }
}
