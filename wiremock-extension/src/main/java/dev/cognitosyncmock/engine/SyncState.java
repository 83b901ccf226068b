package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.SharedState;
import dev.cognitosyncmock.state.StateChange;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cognito Sync's part of the state and what its operations need around it: the pools, their locking
 * (the shared state lock, then one lock per identity) and the change events. The operations ({@link
 * RecordSync}, {@link PoolAdministration}) use only this; {@link SyncEngine} composes them.
 */
final class SyncState {
  final EngineSettings settings;
  final Clock clock;
  final IdSource ids;
  final SharedState shared;
  final SideEffects sideEffects = new SideEffects();
  final SyncTriggers syncTriggers;
  private final ConcurrentMap<String, Pool> poolsById = new ConcurrentHashMap<>();

  SyncState(EngineSettings settings, Clock clock, IdSource ids, SharedState shared) {
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
    this.shared = shared;
    this.syncTriggers = new SyncTriggers(settings);
  }

  /** The pool, registered on first use unless pools are strict. */
  Pool pool(String identityPoolId) {
    Pool pool = poolsById.get(identityPoolId);
    if (pool != null) {
      return pool;
    }
    if (settings.strictPools()) {
      throw ServiceException.notFound("IdentityPool not found: " + identityPoolId);
    }
    return register(identityPoolId);
  }

  /** Registers the pool if it is new, telling listeners; answers the pool either way. */
  Pool register(String identityPoolId) {
    Pool created = new Pool(identityPoolId, clock.instant());
    Pool existing = poolsById.putIfAbsent(identityPoolId, created);
    if (existing != null) {
      return existing;
    }
    publish(new PoolRegistered(identityPoolId, created.creationDate));
    return created;
  }

  /**
   * For calls that an unknown pool must refuse (a missing dataset or device): the pool if
   * registered, else null, and never registers it, as a refused request changes nothing. With
   * strict pools an unknown one is a 404 as ever.
   */
  Pool poolIfKnown(String identityPoolId) {
    Pool pool = poolsById.get(identityPoolId);
    if (pool == null && settings.strictPools()) {
      throw ServiceException.notFound("IdentityPool not found: " + identityPoolId);
    }
    return pool;
  }

  /** The pool if registered, else null: never registers one. */
  Pool knownPool(String identityPoolId) {
    return poolsById.get(identityPoolId);
  }

  Collection<Pool> pools() {
    return poolsById.values();
  }

  /** The live map, for whole-state work under the exclusive lock (reset, import, replay). */
  ConcurrentMap<String, Pool> poolsById() {
    return poolsById;
  }

  /**
   * Runs fn holding the identity's lock, then counts the identity in its pool's totals; the
   * identity is null when absent and not created.
   */
  <T> T withIdentity(Pool pool, String identityId, boolean create, Function<Identity, T> fn) {
    Identity identity =
        create
            ? pool.identities.computeIfAbsent(identityId, Identity::new)
            : pool.identities.get(identityId);
    if (identity == null) {
      return fn.apply(null);
    }
    identity.lock.lock();
    try {
      return fn.apply(identity);
    } finally {
      try {
        pool.totals.count(identity); // also after a failure: it may have changed something
      } finally {
        identity.lock.unlock();
      }
    }
  }

  <T> T read(Supplier<T> action) {
    return shared.shared(action);
  }

  <T> T exclusive(Supplier<T> action) {
    return shared.exclusive(action);
  }

  void publish(StateChange change) {
    shared.publish(change);
  }
}
