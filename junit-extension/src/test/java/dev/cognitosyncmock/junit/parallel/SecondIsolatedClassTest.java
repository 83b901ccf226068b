package dev.cognitosyncmock.junit.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitosyncmock.junit.CognitoSyncMock;
import dev.cognitosyncmock.junit.CognitoSyncTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Writes the same pool, identity, dataset and key as its twin, at the same time. */
@CognitoSyncTest
class SecondIsolatedClassTest {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ID = "us-east-1:00000000-0000-0000-0000-00000000000a";

  @Test
  void seesOnlyItsOwnWrites(CognitoSyncClient sync, CognitoSyncMock mock) throws Exception {
    Rendezvous.arriveAndWaitForTheOther();
    for (int i = 0; i < 20; i++) {
      String value = "second-" + i;
      String token =
          sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName("shared"))
              .syncSessionToken();
      long count = i; // the key's SyncCount after i writes
      sync.updateRecords(
          r ->
              r.identityPoolId(POOL)
                  .identityId(ID)
                  .datasetName("shared")
                  .syncSessionToken(token)
                  .recordPatches(
                      p -> p.op(Operation.REPLACE).key("k").value(value).syncCount(count)));
      assertThat(
              sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName("shared"))
                  .records())
          .extracting(Record::value)
          .containsExactly(value);
    }
    assertThat(mock.values(POOL, ID, "shared")).isEqualTo(Map.of("k", "second-19"));
    assertThat(mock.requests("UpdateRecords")).hasSize(20);
  }
}
