package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock 4's version of src/main/java's ServeEventEdits: bodies are {@code Entity}s, changed by
 * copy, and a response definition no longer keeps the request it answered.
 */
final class ServeEventEdits {
  private ServeEventEdits() {}

  static ServeEvent withRequestBody(ServeEvent event, byte[] body) {
    return event.replaceRequest(
        RequestWrapper.create()
            .transformBody(entity -> entity.transform(b -> b.setData(body)))
            .wrap(event.getRequest()));
  }
}
