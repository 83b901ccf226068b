package dev.cognitosyncmock.engine;

/**
 * Told of each side effect as it is captured, on the request path with the identity locked: keep it
 * quick and hand slow work (HTTP) to another thread.
 */
public interface SideEffectListener {
  default void onPushNotification(PushNotification notification) {}

  default void onStreamRecord(String streamName, StreamRecord record) {}
}
