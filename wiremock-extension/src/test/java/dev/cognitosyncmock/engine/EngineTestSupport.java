package dev.cognitosyncmock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared fixture: an engine on a hand-moved clock with sequential ids, and small helpers. */
abstract class EngineTestSupport {
  static final String POOL = "us-east-1:aaaaaaaa-0000-4000-8000-000000000001";
  static final String OTHER_POOL = "us-east-1:aaaaaaaa-0000-4000-8000-000000000002";
  static final String ID_A = "us-east-1:11111111-1111-4111-8111-111111111111";
  static final String ID_B = "us-east-1:22222222-2222-4222-8222-222222222222";
  static final String ID_C = "us-east-1:33333333-3333-4333-8333-333333333333";
  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  static final String DEVICE = "device-1";

  final MutableClock clock = new MutableClock(T0);
  SyncEngine engine = new SyncEngine(EngineSettings.DEFAULT, clock, IdSource.sequential());
  final Caller dev = Caller.developer();

  static DatasetKey ds(String identityId, String name) {
    return new DatasetKey(POOL, identityId, name);
  }

  static IdentityKey identity(String identityId) {
    return new IdentityKey(POOL, identityId);
  }

  /** ListRecords from 0, every record, the way a client starting a sync would. */
  RecordsPage list(DatasetKey key) {
    return engine.listRecords(dev, key, null, null, null);
  }

  RecordsPage list(DatasetKey key, long lastSyncCount) {
    return engine.listRecords(dev, key, lastSyncCount, null, null);
  }

  String token(DatasetKey key) {
    return list(key).syncSessionToken();
  }

  /** UpdateRecords with a fresh token, as developer. */
  List<SyncRecord> update(DatasetKey key, RecordPatch... patches) {
    return update(dev, key, patches);
  }

  List<SyncRecord> update(Caller caller, DatasetKey key, RecordPatch... patches) {
    String token = engine.listRecords(caller, key, null, null, null).syncSessionToken();
    return engine.updateRecords(caller, key, DEVICE, Arrays.asList(patches), token);
  }

  /** Writes key=value pairs (given flat) with the right SyncCounts. */
  List<SyncRecord> put(DatasetKey key, String... keyValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return engine.putRecords(dev, key, values);
  }

  long datasetSyncCount(DatasetKey key) {
    return list(key).datasetSyncCount();
  }

  static ServiceException failure(ThrowingCallable call) {
    ServiceException e = catchThrowableOfType(ServiceException.class, call);
    assertThat(e).as("expected a ServiceException").isNotNull();
    return e;
  }

  /** Asserts the call fails with the shape and leaves the exported state exactly as it was. */
  ServiceException assertRefusedWithoutStateChange(ErrorShape shape, ThrowingCallable call) {
    EngineSnapshot before = engine.exportState();
    ServiceException e = failure(call);
    assertThat(e.shape()).isEqualTo(shape);
    assertThat(engine.exportState()).isEqualTo(before);
    return e;
  }

  static List<String> keys(List<SyncRecord> records) {
    List<String> keys = new ArrayList<>();
    records.forEach(r -> keys.add(r.key()));
    return keys;
  }
}
