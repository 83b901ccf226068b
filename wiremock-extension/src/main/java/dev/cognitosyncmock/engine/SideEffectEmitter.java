package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the push notifications (G4) and stream records (G5) of a committed change. */
final class SideEffectEmitter {
  static final String PUSH_SOURCE = "cognito-sync";

  private SideEffectEmitter() {}

  /** Called with the identity locked, right after a write that changed something. */
  static void recordsWritten(
      SideEffects out,
      Pool pool,
      Identity identity,
      DatasetKey key,
      String writerDeviceId,
      long syncCount,
      List<SyncRecord> written,
      Instant now) {
    Set<String> subscribed = identity.subscriptions.get(key.datasetName());
    if (subscribed != null) {
      for (String deviceId : subscribed) {
        Device device = identity.devices.get(deviceId);
        if (device == null || deviceId.equals(writerDeviceId)) {
          continue; // the writing device already has the change (inferred from [M])
        }
        out.push(
            new PushNotification(
                key.identityPoolId(),
                key.identityId(),
                key.datasetName(),
                deviceId,
                device.platform(),
                device.token(),
                pushData(key, syncCount),
                now));
      }
    }
    stream(out, pool, key, "replace", syncCount, written, now);
  }

  static void datasetDeleted(
      SideEffects out, Pool pool, DatasetKey key, long syncCount, Instant now) {
    stream(out, pool, key, "remove", syncCount, List.of(), now);
  }

  /** Puts one record on the pool's stream, when streaming is enabled. */
  static void stream(
      SideEffects out,
      Pool pool,
      DatasetKey key,
      String operation,
      long syncCount,
      List<SyncRecord> records,
      Instant lastModified) {
    CognitoStreamsConfig streams = pool.cognitoStreams;
    if (streams == null || !streams.enabled()) {
      return;
    }
    List<KinesisSyncRecord> kinesis = new ArrayList<>(records.size());
    records.forEach(r -> kinesis.add(KinesisSyncRecord.of(r)));
    out.stream(
        streams.streamName(),
        new StreamRecord(
            key.identityPoolId(),
            key.identityId(),
            key.datasetName(),
            operation,
            List.copyOf(kinesis),
            lastModified.toEpochMilli(),
            null,
            StreamRecord.INLINE,
            syncCount));
  }

  private static Map<String, String> pushData(DatasetKey key, long syncCount) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("source", PUSH_SOURCE);
    data.put("identityPoolId", key.identityPoolId());
    data.put("identityId", key.identityId());
    data.put("datasetName", key.datasetName());
    data.put("syncCount", Long.toString(syncCount));
    return java.util.Collections.unmodifiableMap(data);
  }
}
