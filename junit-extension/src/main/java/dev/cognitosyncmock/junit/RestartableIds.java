package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.engine.IdSource;
import java.util.function.Supplier;

/**
 * The engine keeps one id source for life; this one can start over, so sequential ids begin at 1
 * again after every reset and each test sees the same ids whatever ran before it.
 */
final class RestartableIds implements IdSource {
  private final Supplier<IdSource> factory;
  private volatile IdSource current;

  RestartableIds(Supplier<IdSource> factory) {
    this.factory = factory;
    this.current = factory.get();
  }

  void restart() {
    current = factory.get();
  }

  @Override
  public String nextId() {
    return current.nextId();
  }
}
