package dev.cognitosyncmock.state;

/** Follows the state's changes (persistence does). */
public interface StateListener {
  /**
   * Told of every committed change in commit order, while the changed part is still locked. Keep it
   * quick: it runs on the request path.
   */
  void onChange(StateChange change);

  /**
   * Told when a call that may have changed state has let go of every state lock on its thread,
   * before the call returns: the moment to do work that locks the whole state (a snapshot).
   */
  default void settled() {}
}
