package dev.cognitosyncmock.junit;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
@CognitoSyncTest class QuickStartTest {
  @Test void writesAndReadsBackARecord(CognitoSyncClient sync) {
    String pool = "us-east-1:00000000-0000-0000-0000-000000000001", id = "us-east-1:0000000a";
    String token = sync.listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("prefs")).syncSessionToken();
    sync.updateRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("prefs").syncSessionToken(token)
        .recordPatches(p -> p.op(Operation.REPLACE).key("theme").value("dark").syncCount(0L)));
    assertThat(sync.listRecords(r -> r.identityPoolId(pool).identityId(id).datasetName("prefs")).records().get(0).value()).isEqualTo("dark");
  }
}
