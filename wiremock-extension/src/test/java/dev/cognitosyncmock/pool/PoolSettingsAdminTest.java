package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pool-settings admin route (G3 SyncTrigger URL, G4 push webhook) speaks AWS-style PascalCase.
 */
class PoolSettingsAdminTest extends PoolSdkTestSupport {

  @BeforeEach
  void started() {
    start();
  }

  @Test
  @DisplayName(
      "G4: pool-settings answers PushWebhookUrl, SyncTriggerUrl and IdentityPoolId in PascalCase")
  void answersInPascalCase() throws Exception {
    String set =
        admin(
            "POST",
            "/pool-settings",
            "{\"IdentityPoolId\":\""
                + POOL
                + "\",\"PushWebhookUrl\":\"http://127.0.0.1:9/push\",\"SyncTriggerUrl\":\"http://127.0.0.1:9/trigger\"}");
    assertThat(set)
        .isEqualTo(
            "{\"IdentityPoolId\":\""
                + POOL
                + "\",\"PushWebhookUrl\":\"http://127.0.0.1:9/push\",\"SyncTriggerUrl\":\"http://127.0.0.1:9/trigger\"}");
    assertThat(admin("GET", "/pool-settings", null))
        .isEqualTo(
            "{\"IdentityPools\":{\""
                + POOL
                + "\":{\"PushWebhookUrl\":\"http://127.0.0.1:9/push\",\"SyncTriggerUrl\":\"http://127.0.0.1:9/trigger\"}}}");
  }

  @Test
  @DisplayName("G4: camelCase pool settings, as earlier versions answered them, are still accepted")
  void acceptsTheEarlierCamelCase() throws Exception {
    admin(
        "POST",
        "/pool-settings",
        "{\"IdentityPoolId\":\"" + POOL + "\",\"pushWebhookUrl\":\"http://127.0.0.1:9/push\"}");
    assertThat(service().engine().poolMockSettings(POOL).pushWebhookUrl())
        .isEqualTo("http://127.0.0.1:9/push");
    assertThat(service().engine().poolMockSettings(POOL).syncTriggerUrl()).isNull();
  }
}
