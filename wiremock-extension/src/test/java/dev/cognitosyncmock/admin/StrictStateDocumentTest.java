package dev.cognitosyncmock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** State documents are strict, like fault rules: an unknown member is refused with its path. */
class StrictStateDocumentTest {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";

  @Test
  @DisplayName(
      "issue 16: an imported state with a misspelt member is refused with its JSON path"
          + " and changes nothing")
  void misspeltMemberIsRefused() {
    CognitoSyncService service = CognitoSyncService.createDefault();
    ProtocolResponse answer =
        service
            .admin()
            .handle(
                "PUT",
                "/cognito-sync/state",
                ("""
        {"identityPools": [{"identityPoolId": "%s", "identities": [
          {"identityId": "us-east-1:0000000a-0000-0000-0000-000000000000",
           "datasets": [{"datasetName": "prefs", "records": [{"key": "k", "valeu": "v"}]}]}]}]}
        """
                        .formatted(POOL))
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .contains("$.identityPools[0].identities[0].datasets[0].records[0].valeu");
    assertThat(service.engine().exportState().identityPools()).isEmpty();
  }

  @Test
  @DisplayName("issue 16: members no export writes are refused, getClass's \"class\" included")
  void onlyExportedMembersPass() {
    CognitoSyncService service = CognitoSyncService.createDefault();
    for (String member : new String[] {"\"class\": \"x\"", "\"identites\": []"}) {
      ProtocolResponse answer =
          service
              .admin()
              .handle(
                  "PUT",
                  "/cognito-sync/state",
                  ("{\"identityPools\": [{\"identityPoolId\": \"" + POOL + "\", " + member + "}]}")
                      .getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as(member).isEqualTo(400);
    }
  }

  @Test
  @DisplayName(
      "issue 16: a state document as the admin API exports it, computed members"
          + " (tombstone) included, is read back unchanged")
  void exportReadsBack() {
    CognitoSyncService service = CognitoSyncService.createDefault();
    service
        .engine()
        .importState(
            AdminApi.readState(
                ("""
        {"identityPools": [{"identityPoolId": "%s", "identities": [
          {"identityId": "us-east-1:0000000a-0000-0000-0000-000000000000",
           "datasets": [{"datasetName": "prefs", "records": [{"key": "k", "value": "v"},
             {"key": "gone", "value": null, "syncCount": 1}]}]}]}]}
        """
                        .formatted(POOL))
                    .getBytes(StandardCharsets.UTF_8)));
    byte[] exported = service.admin().handle("GET", "/cognito-sync/state", new byte[0]).body();
    assertThat(new String(exported, StandardCharsets.UTF_8)).contains("\"tombstone\":true");
    assertThat(AdminApi.readState(exported)).isEqualTo(service.engine().exportState());
  }
}
