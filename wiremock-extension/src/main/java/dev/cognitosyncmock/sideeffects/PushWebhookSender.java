package dev.cognitosyncmock.sideeffects;

import dev.cognitosyncmock.engine.PushNotification;
import dev.cognitosyncmock.engine.SideEffectListener;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs each push notification, as JSON, to the webhook URL in its pool's mock settings. Sent
 * asynchronously so the UpdateRecords that caused it is not slowed down; a failure is logged, never
 * thrown, as a lost push would be in reality.
 */
public final class PushWebhookSender implements SideEffectListener {
  private static final Logger LOG = Logger.getLogger(PushWebhookSender.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final SyncEngine engine;
  private final OutboundHttp http;

  public PushWebhookSender(SyncEngine engine, OutboundHttp http) {
    this.engine = engine;
    this.http = http;
  }

  @Override
  public void onPushNotification(PushNotification notification) {
    String url = engine.poolMockSettings(notification.identityPoolId()).pushWebhookUrl();
    if (url == null) {
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(notification)))
            .build();
    http.client()
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                LOG.log(Level.WARNING, "Push webhook " + url + " failed", error);
              } else if (response.statusCode() >= 300) {
                LOG.warning("Push webhook " + url + " answered " + response.statusCode());
              }
            });
  }
}
