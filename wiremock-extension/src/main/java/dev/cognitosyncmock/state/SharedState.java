package dev.cognitosyncmock.state;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one owner of the state lock and of the change events every service publishes. Calls that read
 * or change part of the state run {@link #shared shared} (and lock the finer part they touch
 * themselves); whole-state work (reset, import, export) runs {@link #exclusive exclusive}.
 * Thread-safe.
 */
public final class SharedState {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

  public void addListener(StateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(StateListener listener) {
    listeners.remove(listener);
  }

  /** Runs {@code action} alongside other shared actions; no exclusive action runs meanwhile. */
  public <T> T shared(Supplier<T> action) {
    return locked(lock.readLock(), action);
  }

  /** Runs {@code action} alone. */
  public <T> T exclusive(Supplier<T> action) {
    return locked(lock.writeLock(), action);
  }

  /** Hands a committed change to every listener; call it holding the changed part's lock. */
  public void publish(StateChange change) {
    for (StateListener listener : listeners) {
      listener.onChange(change);
    }
  }

  private <T> T locked(Lock held, Supplier<T> action) {
    held.lock();
    try {
      return action.get();
    } finally {
      held.unlock();
      if (lock.getReadHoldCount() == 0 && !lock.isWriteLockedByCurrentThread()) {
        for (StateListener listener : listeners) {
          listener.settled();
        }
      }
    }
  }
}
