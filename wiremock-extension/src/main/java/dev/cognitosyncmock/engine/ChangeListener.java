package dev.cognitosyncmock.engine;

/**
 * Told of every committed change to a dataset, while the dataset's identity is still locked, so
 * that changes to one dataset arrive in order. Keep it quick: it runs on the request path. (A
 * {@link dev.cognitosyncmock.state.StateListener} on {@link SyncEngine#state()} sees every kind of
 * change.)
 */
@FunctionalInterface
public interface ChangeListener {
  void onChange(DatasetChange change);
}
