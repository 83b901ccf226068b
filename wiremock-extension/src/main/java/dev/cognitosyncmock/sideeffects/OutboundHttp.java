package dev.cognitosyncmock.sideeffects;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client that push webhooks and SyncTrigger URLs are called with, built on first use:
 * building one loads the TLS stack, about a third of a second of start-up that most runs never
 * need.
 */
public final class OutboundHttp {
  private volatile HttpClient client;

  /** The one client, built the first time it is asked for. */
  public HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
          client = built;
        }
      }
    }
    return built;
  }
}
