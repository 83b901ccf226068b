package dev.cognitosyncmock.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Where new ids (session ids, device ids) come from; sequential ones make runs repeatable. */
@FunctionalInterface
public interface IdSource {
  String nextId();

  static IdSource random() {
    return () -> RandomUuids.next();
  }

  /** UUID-shaped ids counting up from 1: {@code 00000000-0000-4000-8000-000000000001}, ... */
  static IdSource sequential() {
    AtomicLong next = new AtomicLong();
    return () -> String.format("00000000-0000-4000-8000-%012x", next.incrementAndGet());
  }
}
