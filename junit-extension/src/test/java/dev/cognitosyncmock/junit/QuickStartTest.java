package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;

@CognitoSyncTest
class QuickStartTest {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ID = "us-east-1:0000000a-0000-0000-0000-000000000000";

  @Test
  void writesAndReadsBackARecord(CognitoSyncClient sync) {
    String token =
        sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName("prefs"))
            .syncSessionToken();
    sync.updateRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(ID)
                .datasetName("prefs")
                .syncSessionToken(token)
                .recordPatches(
                    p -> p.op(Operation.REPLACE).key("theme").value("dark").syncCount(0L)));
    assertThat(
            sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName("prefs"))
                .records()
                .get(0)
                .value())
        .isEqualTo("dark");
  }
}
