package dev.cognitosyncmock.engine;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** Who stands in for each pool's SyncTrigger Lambda (SEMANTICS G3): Java handlers or URLs. */
final class SyncTriggers {
  private final EngineSettings settings;

  /** SyncTrigger handlers registered from Java, by identity pool id. */
  private final ConcurrentMap<String, SyncTriggerHandler> handlers = new ConcurrentHashMap<>();

  /** Makes a handler from a pool's syncTriggerUrl; set by whoever can speak HTTP. */
  private volatile Function<String, SyncTriggerHandler> urlHandlers = url -> null;

  SyncTriggers(EngineSettings settings) {
    this.settings = settings;
  }

  /**
   * Stands {@code handler} in for the pool's SyncTrigger Lambda; null removes it. It runs only
   * while the pool's events name a SyncTrigger (SetCognitoEvents), as the Lambda would.
   */
  void set(String identityPoolId, SyncTriggerHandler handler) {
    if (handler == null) {
      handlers.remove(identityPoolId);
    } else {
      handlers.put(identityPoolId, handler);
    }
  }

  /** How to call a pool's {@link PoolMockSettings#syncTriggerUrl()}; the engine has no HTTP. */
  void setUrlHandlers(Function<String, SyncTriggerHandler> factory) {
    this.urlHandlers = Objects.requireNonNull(factory, "factory");
  }

  /** The handler to run for this write, or null: G3 plus the developer-caller setting. */
  SyncTriggerHandler handlerFor(Pool pool, Caller caller) {
    if (!pool.events.containsKey(SyncEngine.SYNC_TRIGGER)) {
      return null;
    }
    if (caller.kind() == Caller.Kind.DEVELOPER && !settings.syncTriggerForDeveloperCallers()) {
      return null;
    }
    SyncTriggerHandler handler = handlers.get(pool.id);
    if (handler != null) {
      return handler;
    }
    String url = pool.mockSettings.syncTriggerUrl();
    return url == null ? null : urlHandlers.apply(url);
  }

  void clear() {
    handlers.clear();
  }
}
