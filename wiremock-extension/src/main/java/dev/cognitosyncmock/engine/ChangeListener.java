package dev.cognitosyncmock.engine;

/**
 * Told of every committed change, while the dataset's identity is still locked, so that changes to
 * one dataset arrive in order. Keep it quick: it runs on the request path.
 */
@FunctionalInterface
public interface ChangeListener {
  void onChange(DatasetChange change);
}
