package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pool-level operations (SEMANTICS G1, G2, G4, G6, G7, D5): usage, configuration, Cognito
 * events, mock settings, devices and subscriptions, bulk publish. Each is documented where the
 * engine exposes it ({@link SyncEngine}); they reach the state only through {@link SyncState}.
 */
final class PoolAdministration {
  private final SyncState state;

  PoolAdministration(SyncState state) {
    this.state = state;
  }

  // ---------------------------------------------------------------- pool usage (G7, D5)

  PoolUsage describeIdentityPoolUsage(Caller caller, String identityPoolId) {
    return state.read(() -> usageOf(state.pool(identityPoolId)));
  }

  PoolUsagePage listIdentityPoolUsage(Caller caller, String nextToken, Integer maxResults) {
    int pageSize = PageToken.pageSize(maxResults);
    String scope = "identitypools";
    String after = nextToken == null ? null : PageToken.decode(nextToken, scope, 1).get(0);
    return state.read(
        () -> {
          List<Pool> sorted = new ArrayList<>(state.pools());
          sorted.sort(Comparator.comparing(p -> p.id));
          List<PoolUsage> page = new ArrayList<>();
          String next = null;
          for (Pool pool : sorted) {
            if (after != null && pool.id.compareTo(after) <= 0) {
              continue;
            }
            if (page.size() == pageSize) {
              next =
                  new PageToken(scope, List.of(page.get(pageSize - 1).identityPoolId())).encode();
              break;
            }
            page.add(usageOf(pool));
          }
          return new PoolUsagePage(List.copyOf(page), next);
        });
  }

  private PoolUsage usageOf(Pool pool) {
    return pool.totals.usage(pool.id, pool.syncSessionsCount.get());
  }

  // ---------------------------------------------------------------- configuration (G1)

  PoolConfiguration getIdentityPoolConfiguration(Caller caller, String identityPoolId) {
    return state.read(() -> state.pool(identityPoolId).configuration());
  }

  PoolConfiguration setIdentityPoolConfiguration(
      Caller caller,
      String identityPoolId,
      PushSyncConfig pushSync,
      CognitoStreamsConfig cognitoStreams) {
    return state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          synchronized (pool) {
            if (pushSync != null) {
              pool.pushSync = pushSync.isEmpty() ? null : pushSync;
            }
            if (cognitoStreams != null) {
              pool.cognitoStreams =
                  cognitoStreams.isEmpty()
                      ? null
                      : new CognitoStreamsConfig(
                          cognitoStreams.streamName(),
                          cognitoStreams.roleArn(),
                          cognitoStreams.streamingStatus());
            }
            state.publish(new PoolChanged(pool.id));
            return pool.configuration();
          }
        });
  }

  /**
   * G5: the pool's stream or its role is gone, so the service turns streaming off and says why in
   * DisabledReason. Refused when streaming is not on.
   */
  PoolConfiguration streamLost(String identityPoolId, String reason) {
    return state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          synchronized (pool) {
            CognitoStreamsConfig streams = pool.cognitoStreams;
            if (streams == null || !streams.enabled()) {
              throw ServiceException.invalidParameter(
                  "Streaming is not enabled for identity pool "
                      + identityPoolId
                      + ": there is no stream to lose");
            }
            pool.cognitoStreams =
                streams.disabledBecause(
                    reason != null && !reason.isBlank()
                        ? reason
                        : "Kinesis stream "
                            + streams.streamName()
                            + " was not found or role "
                            + streams.roleArn()
                            + " could not be assumed");
            state.publish(new PoolChanged(pool.id));
            return pool.configuration();
          }
        });
  }

  // ---------------------------------------------------------------- events (G2)

  Map<String, String> getCognitoEvents(Caller caller, String identityPoolId) {
    return state.read(() -> state.pool(identityPoolId).events);
  }

  void setCognitoEvents(Caller caller, String identityPoolId, Map<String, String> events) {
    for (String type : events.keySet()) {
      if (!SyncEngine.SYNC_TRIGGER.equals(type)) {
        throw ServiceException.invalidParameter(
            "Unknown Cognito event type: " + type + "; the only one is " + SyncEngine.SYNC_TRIGGER);
      }
    }
    state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          synchronized (pool) {
            Map<String, String> updated = new java.util.TreeMap<>(pool.events);
            events.forEach(
                (type, arn) -> {
                  if (arn == null || arn.isEmpty()) {
                    updated.remove(type);
                  } else {
                    updated.put(type, arn);
                  }
                });
            pool.events = Map.copyOf(updated);
            state.publish(new PoolChanged(pool.id));
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- mock settings

  PoolMockSettings poolMockSettings(String identityPoolId) {
    Pool pool = state.knownPool(identityPoolId);
    return pool == null ? PoolMockSettings.NONE : pool.mockSettings;
  }

  Map<String, PoolMockSettings> allPoolMockSettings() {
    return state.read(
        () -> {
          Map<String, PoolMockSettings> out = new java.util.TreeMap<>();
          state
              .pools()
              .forEach(
                  p -> {
                    if (!p.mockSettings.equals(PoolMockSettings.NONE)) {
                      out.put(p.id, p.mockSettings);
                    }
                  });
          return out;
        });
  }

  void setPoolMockSettings(String identityPoolId, PoolMockSettings mockSettings) {
    state.read(
        () -> {
          state.pool(identityPoolId).mockSettings =
              Objects.requireNonNull(mockSettings, "mockSettings");
          state.publish(new PoolChanged(identityPoolId));
          return null;
        });
  }

  // ---------------------------------------------------------------- devices (G4)

  String registerDevice(Caller caller, IdentityKey key, String platform, String token) {
    return state.read(
        () -> {
          requirePushSync(state.poolIfKnown(key.identityPoolId()), key.identityPoolId());
          Pool pool = state.pool(key.identityPoolId());
          return state.withIdentity(
              pool,
              key.identityId(),
              true,
              identity -> {
                for (Device d : identity.devices.values()) {
                  if (d.platform().equals(platform) && d.token().equals(token)) {
                    return d.deviceId();
                  }
                }
                Device device = new Device(state.ids.nextId(), platform, token);
                identity.devices.put(device.deviceId(), device);
                state.publish(new PoolChanged(pool.id));
                return device.deviceId();
              });
        });
  }

  void subscribeToDataset(Caller caller, DatasetKey key, String deviceId) {
    changeSubscriptions(
        key,
        deviceId,
        identity -> {
          RecordSync.existing(identity, key);
          identity
              .subscriptions
              .computeIfAbsent(key.datasetName(), n -> new java.util.LinkedHashSet<>())
              .add(deviceId);
        });
  }

  void unsubscribeFromDataset(Caller caller, DatasetKey key, String deviceId) {
    changeSubscriptions(
        key,
        deviceId,
        identity -> {
          Set<String> subscribed = identity.subscriptions.get(key.datasetName());
          if (subscribed == null || !subscribed.remove(deviceId)) {
            throw ServiceException.notFound(
                "Device " + deviceId + " is not subscribed to dataset " + key.datasetName());
          }
          if (subscribed.isEmpty()) {
            identity.subscriptions.remove(key.datasetName());
          }
        });
  }

  /**
   * Applies {@code change} to the subscriptions of the identity that owns {@code deviceId}, then
   * tells the pool's listeners.
   */
  private void changeSubscriptions(DatasetKey key, String deviceId, Consumer<Identity> change) {
    state.read(
        () -> {
          // an unknown pool has no devices: refused without registering it
          Pool pool = knownOrEmpty(key.identityPoolId());
          return state.withIdentity(
              pool,
              key.identityId(),
              false,
              identity -> {
                requireDevice(identity, deviceId);
                change.accept(identity);
                state.publish(new PoolChanged(pool.id));
                return null;
              });
        });
  }

  List<Device> devices(IdentityKey key) {
    return state.read(
        () -> {
          Pool pool = state.knownPool(key.identityPoolId());
          return pool == null
              ? List.<Device>of()
              : state.withIdentity(
                  pool,
                  key.identityId(),
                  false,
                  identity ->
                      identity == null
                          ? List.<Device>of()
                          : List.copyOf(identity.devices.values()));
        });
  }

  /** The pool, checked for push sync; an unknown one stands empty and stays unregistered. */
  private Pool knownOrEmpty(String identityPoolId) {
    Pool known = state.poolIfKnown(identityPoolId);
    requirePushSync(known, identityPoolId);
    return known == null ? new Pool(identityPoolId, null) : known;
  }

  private void requirePushSync(Pool pool, String identityPoolId) {
    PushSyncConfig push = pool == null ? null : pool.pushSync;
    if (state.settings.requirePushSyncForDevices() && (push == null || !push.enabled())) {
      throw new ServiceException(
          ErrorShape.InvalidConfigurationException,
          "Push sync is not configured for identity pool " + identityPoolId);
    }
  }

  private static void requireDevice(Identity identity, String deviceId) {
    if (identity == null || !identity.devices.containsKey(deviceId)) {
      throw ServiceException.notFound("Device not found: " + deviceId);
    }
  }

  // ---------------------------------------------------------------- bulk publish (G6)

  void bulkPublish(Caller caller, String identityPoolId) {
    state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          synchronized (pool) {
            Instant now = state.clock.instant();
            if (pool.bulkPublish != null) {
              BulkPublishDetails last = pool.bulkPublish.details(pool.id, now);
              if (last.status() == BulkPublishStatus.IN_PROGRESS) {
                throw new ServiceException(
                    ErrorShape.DuplicateRequestException,
                    "A bulk publish is already in progress for identity pool " + pool.id);
              }
              if (last.status() == BulkPublishStatus.SUCCEEDED
                  && now.isBefore(last.completeTime().plus(SyncEngine.BULK_PUBLISH_INTERVAL))) {
                throw new ServiceException(
                    ErrorShape.AlreadyStreamedException,
                    "Identity pool "
                        + pool.id
                        + " was already bulk published within 24 hours, at "
                        + last.completeTime());
              }
            }
            CognitoStreamsConfig streams = pool.cognitoStreams;
            if (streams == null || !streams.enabled()) {
              pool.bulkPublish =
                  new BulkPublishRun(
                      now,
                      null,
                      "Cognito Streams is not enabled for identity pool "
                          + pool.id
                          + ": set CognitoStreams with StreamingStatus ENABLED first");
              state.publish(new PoolChanged(pool.id));
              return null;
            }
            List<Identity> identities = new ArrayList<>(pool.identities.values());
            identities.sort(Comparator.comparing(i -> i.id));
            for (Identity identity : identities) {
              state.withIdentity(
                  pool,
                  identity.id,
                  false,
                  locked -> {
                    if (locked == null) {
                      return null;
                    }
                    for (Dataset d : locked.datasets.values()) {
                      if (!d.exists) {
                        continue;
                      }
                      List<SyncRecord> live =
                          d.records.values().stream().filter(r -> !r.isTombstone()).toList();
                      SideEffectEmitter.stream(
                          state.sideEffects,
                          pool,
                          new DatasetKey(pool.id, locked.id, d.name),
                          "replace",
                          d.syncCount,
                          live,
                          d.lastModifiedDate == null ? now : d.lastModifiedDate);
                    }
                    return null;
                  });
            }
            pool.bulkPublish =
                new BulkPublishRun(now, now.plus(state.settings.bulkPublishDuration()), null);
            state.publish(new PoolChanged(pool.id));
            return null;
          }
        });
  }

  BulkPublishDetails getBulkPublishDetails(Caller caller, String identityPoolId) {
    return state.read(
        () -> {
          Pool pool = state.pool(identityPoolId);
          synchronized (pool) {
            return pool.bulkPublish == null
                ? BulkPublishRun.notStarted(pool.id)
                : pool.bulkPublish.details(pool.id, state.clock.instant());
          }
        });
  }
}
