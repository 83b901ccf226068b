package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cognitosyncmock.engine.PushNotification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.Platform;

/** SEMANTICS G4: push notifications after UpdateRecords. */
class PushSyncTest extends PoolSdkTestSupport {
  String phone;
  String tablet;

  @BeforeEach
  void twoSubscribedDevices() {
    start();
    configurePush();
    write(developer, IDENTITY, "settings", null, "theme", "light");
    phone = register("phone-token");
    tablet = register("tablet-token");
    for (String device : new String[] {phone, tablet}) {
      identity.subscribeToDataset(
          r ->
              r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings").deviceId(device));
    }
  }

  private String register(String token) {
    return identity
        .registerDevice(
            r -> r.identityPoolId(POOL).identityId(IDENTITY).platform(Platform.GCM).token(token))
        .deviceId();
  }

  @Test
  void G4_pushGoesToOtherSubscribedDevicesOnly() {
    write(identity, IDENTITY, "settings", phone, "theme", "dark");

    assertThat(service().sideEffects().pushNotifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.deviceId()).isEqualTo(tablet);
              assertThat(n.platform()).isEqualTo("GCM");
              assertThat(n.token()).isEqualTo("tablet-token");
              assertThat(n.data())
                  .containsExactly(
                      Map.entry("source", "cognito-sync"),
                      Map.entry("identityPoolId", POOL),
                      Map.entry("identityId", IDENTITY),
                      Map.entry("datasetName", "settings"),
                      Map.entry("syncCount", "2"));
            });
    assertThat(service().sideEffects().pushNotifications(phone)).isEmpty();
  }

  @Test
  void G4_writeWithoutDeviceIdNotifiesEverySubscribedDeviceInOrder() {
    write(developer, IDENTITY, "settings", null, "theme", "dark");
    write(developer, IDENTITY, "settings", null, "theme", "blue");

    assertThat(service().sideEffects().pushNotifications())
        .extracting(PushNotification::deviceId, n -> n.data().get("syncCount"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(phone, "2"),
            org.assertj.core.groups.Tuple.tuple(tablet, "2"),
            org.assertj.core.groups.Tuple.tuple(phone, "3"),
            org.assertj.core.groups.Tuple.tuple(tablet, "3"));
  }

  @Test
  void G4_unsubscribedDeviceAndOtherDatasetsGetNothing() {
    identity.unsubscribeFromDataset(
        r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName("settings").deviceId(tablet));
    write(identity, IDENTITY, "settings", phone, "theme", "dark");
    write(identity, IDENTITY, "other", null, "a", "b");

    assertThat(service().sideEffects().pushNotifications()).isEmpty();
  }

  @Test
  void G4_adminApiListsAndClearsNotifications() throws Exception {
    write(identity, IDENTITY, "settings", phone, "theme", "dark");

    String body = admin("GET", "/push-notifications", null);
    assertThat(body)
        .contains("\"deviceId\":\"" + tablet + "\"")
        .contains("\"source\":\"cognito-sync\"")
        .contains("\"syncCount\":\"2\"");

    admin("DELETE", "/push-notifications", null);
    assertThat(admin("GET", "/push-notifications", null)).contains("\"notifications\":[]");
    assertThat(service().sideEffects().pushNotifications()).isEmpty();
  }

  @Test
  void G4_notificationIsPostedToThePoolWebhook() throws Exception {
    BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/push",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    try {
      admin(
          "POST",
          "/pool-settings",
          "{\"IdentityPoolId\":\""
              + POOL
              + "\",\"PushWebhookUrl\":\"http://127.0.0.1:"
              + webhook.getAddress().getPort()
              + "/push\"}");
      assertThat(admin("GET", "/pool-settings", null)).contains("/push");

      write(identity, IDENTITY, "settings", phone, "theme", "dark");

      String posted = received.poll(10, TimeUnit.SECONDS);
      assertThat(posted)
          .contains("\"deviceId\":\"" + tablet + "\"")
          .contains("\"datasetName\":\"settings\"");
      assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      webhook.stop(0);
    }
  }

  @Test
  void G4_unreachableWebhookDoesNotFailTheWrite() throws Exception {
    admin(
        "POST",
        "/pool-settings",
        "{\"IdentityPoolId\":\"" + POOL + "\",\"PushWebhookUrl\":\"http://127.0.0.1:9/nowhere\"}");

    write(identity, IDENTITY, "settings", phone, "theme", "dark");

    assertThat(service().sideEffects().pushNotifications()).hasSize(1);
  }
}
