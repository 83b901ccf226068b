package dev.cognitosyncmock.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a pool's SyncTrigger handler during UpdateRecords and turns its output into the patches that
 * are finally written (SEMANTICS G3). The handler runs on a daemon thread only so that a slow one
 * can be abandoned after the timeout.
 */
final class SyncTrigger {
  private static final ExecutorService HANDLER_THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "cognito-sync-trigger");
            t.setDaemon(true);
            return t;
          });

  private SyncTrigger() {}

  /**
   * The patches to write after the handler has seen the client's: keys the handler left out are not
   * written (they "stay as they are"), nor are keys the client did not send whose value the handler
   * kept; removals, changed values and new keys are added, and every patch carries the key's
   * current SyncCount because the client's were checked already (C2).
   *
   * @param dataset the dataset as it stands, or null when it does not exist yet
   */
  static List<RecordPatch> apply(
      SyncTriggerHandler handler,
      Duration timeout,
      String region,
      DatasetKey key,
      Dataset dataset,
      List<RecordPatch> patches) {
    Map<String, RecordPatch> byKey = new LinkedHashMap<>();
    patches.forEach(p -> byKey.put(p.key(), p));
    Map<String, SyncTriggerRecord> records = new LinkedHashMap<>();
    if (dataset != null) {
      for (SyncRecord r : dataset.records.values()) {
        if (!r.isTombstone() && !byKey.containsKey(r.key())) {
          // G3: an unchanged key goes as "replace" with equal old and new values, as in every
          // public sample event; there is no other op
          records.put(r.key(), SyncTriggerRecord.replace(r.value(), r.value()));
        }
      }
    }
    for (RecordPatch p : patches) {
      records.put(
          p.key(),
          new SyncTriggerRecord(
              currentValue(dataset, p.key()),
              p.op() == PatchOp.REPLACE ? p.value() : null,
              p.op().wireName()));
    }
    SyncTriggerEvent in =
        new SyncTriggerEvent(
            SyncTriggerEvent.VERSION,
            SyncTriggerEvent.EVENT_TYPE,
            region,
            key.identityPoolId(),
            key.identityId(),
            key.datasetName(),
            java.util.Collections.unmodifiableMap(records));
    SyncTriggerEvent out = invoke(handler, in, timeout);
    if (out == null || out.datasetRecords() == null) {
      throw invalidOutput("the SyncTrigger output has no datasetRecords");
    }
    if (!out.withDatasetRecords(in.datasetRecords()).equals(in)) {
      throw invalidOutput("the SyncTrigger output may only change datasetRecords");
    }

    List<RecordPatch> result = new ArrayList<>();
    for (Map.Entry<String, SyncTriggerRecord> e : out.datasetRecords().entrySet()) {
      String k = e.getKey();
      SyncTriggerRecord r = e.getValue();
      if (k == null || r == null) {
        throw invalidOutput("the SyncTrigger output has a null record");
      }
      RecordPatch asked = byKey.get(k);
      String current = currentValue(dataset, k);
      long syncCount = dataset == null ? 0 : dataset.currentSyncCountOf(k);
      java.time.Instant deviceDate = asked == null ? null : asked.deviceLastModifiedDate();
      if (r.removes()) {
        if (asked != null || current != null) {
          result.add(new RecordPatch(PatchOp.REMOVE, k, null, syncCount, deviceDate));
        }
      } else if (asked != null || !r.newValue().equals(current)) {
        result.add(new RecordPatch(PatchOp.REPLACE, k, r.newValue(), syncCount, deviceDate));
      }
    }
    return result;
  }

  private static String currentValue(Dataset dataset, String key) {
    if (dataset == null || !dataset.exists) {
      return null;
    }
    SyncRecord r = dataset.records.get(key);
    return r == null ? null : r.value();
  }

  private static SyncTriggerEvent invoke(
      SyncTriggerHandler handler, SyncTriggerEvent event, Duration timeout) {
    Future<SyncTriggerEvent> result = HANDLER_THREADS.submit(() -> handler.handle(event));
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      // Not a modeled shape: sent under its real name with InvalidLambdaFunctionOutput's 400
      throw ServiceException.unmodeled(
          "LambdaSocketTimeoutException",
          ErrorShape.InvalidLambdaFunctionOutputException,
          "The SyncTrigger handler did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ServiceException s) {
        throw s;
      }
      throw invalidOutput(
          "the SyncTrigger handler failed: "
              + Objects.toString(
                  e.getCause() == null ? null : e.getCause().getMessage(), e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      throw new ServiceException(
          ErrorShape.InternalErrorException,
          "Interrupted while waiting for the SyncTrigger handler");
    }
  }

  private static ServiceException invalidOutput(String message) {
    return new ServiceException(ErrorShape.InvalidLambdaFunctionOutputException, message);
  }
}
