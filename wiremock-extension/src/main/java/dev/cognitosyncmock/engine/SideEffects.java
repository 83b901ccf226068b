package dev.cognitosyncmock.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the service would have sent elsewhere: push notifications (SEMANTICS G4) and Cognito Streams
 * records (G5), kept in the order they happened for tests to read. Each list keeps at most {@link
 * #MAX_KEPT} entries, dropping the oldest, so a long-running mock does not grow without end.
 */
public final class SideEffects {
  public static final int MAX_KEPT = 10_000;

  private final Deque<PushNotification> notifications = new ArrayDeque<>();
  private final Map<String, Deque<StreamRecord>> streams = new LinkedHashMap<>();
  private final List<SideEffectListener> listeners = new CopyOnWriteArrayList<>();

  /** Every push notification captured, oldest first. */
  public synchronized List<PushNotification> pushNotifications() {
    return List.copyOf(notifications);
  }

  /** The push notifications sent to one device, oldest first. */
  public synchronized List<PushNotification> pushNotifications(String deviceId) {
    return notifications.stream().filter(n -> n.deviceId().equals(deviceId)).toList();
  }

  public synchronized void clearPushNotifications() {
    notifications.clear();
  }

  /** Stream name to the records put on it, oldest first. */
  public synchronized Map<String, List<StreamRecord>> streamRecords() {
    Map<String, List<StreamRecord>> copy = new LinkedHashMap<>();
    streams.forEach((name, records) -> copy.put(name, List.copyOf(records)));
    return copy;
  }

  /** The records put on one Kinesis stream, oldest first; empty for an unknown stream. */
  public synchronized List<StreamRecord> streamRecords(String streamName) {
    Deque<StreamRecord> records = streams.get(streamName);
    return records == null ? List.of() : List.copyOf(records);
  }

  public synchronized void clearStreamRecords() {
    streams.clear();
  }

  public synchronized void clear() {
    notifications.clear();
    streams.clear();
  }

  public void addListener(SideEffectListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void push(PushNotification notification) {
    synchronized (this) {
      add(notifications, notification);
    }
    for (SideEffectListener l : listeners) {
      l.onPushNotification(notification);
    }
  }

  void stream(String streamName, StreamRecord record) {
    synchronized (this) {
      add(streams.computeIfAbsent(streamName, n -> new ArrayDeque<>()), record);
    }
    for (SideEffectListener l : listeners) {
      l.onStreamRecord(streamName, record);
    }
  }

  private static <T> void add(Deque<T> deque, T item) {
    if (deque.size() >= MAX_KEPT) {
      deque.removeFirst();
    }
    deque.addLast(item);
  }
}
