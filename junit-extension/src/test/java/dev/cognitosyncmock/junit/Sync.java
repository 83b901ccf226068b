package dev.cognitosyncmock.junit;

import java.util.List;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Test helper: one client-side sync (ListRecords, then UpdateRecords with the token). */
final class Sync {
  static final String POOL = "us-east-1:00000000-0000-0000-0000-000000000001";
  static final String ID = "us-east-1:00000000-0000-0000-0000-00000000000a";
  static final String DATASET = "prefs";

  private Sync() {}

  static String token(CognitoSyncClient sync) {
    return sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName(DATASET))
        .syncSessionToken();
  }

  /** Writes a new key (SyncCount 0) in one sync. */
  static void put(CognitoSyncClient sync, String key, String value) {
    String token = token(sync);
    sync.updateRecords(
        r ->
            r.identityPoolId(POOL)
                .identityId(ID)
                .datasetName(DATASET)
                .syncSessionToken(token)
                .recordPatches(p -> p.op(Operation.REPLACE).key(key).value(value).syncCount(0L)));
  }

  static List<Record> records(CognitoSyncClient sync) {
    return sync.listRecords(r -> r.identityPoolId(POOL).identityId(ID).datasetName(DATASET))
        .records();
  }
}
