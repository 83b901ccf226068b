package dev.cognitosyncmock.protocol;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on its first use rather than up front (a service model only some mocks need), once
 * even when several requests are the first at the same time; they all get that one value. A build
 * that fails is tried again on the next use.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<? extends T> build; // null once built
  private volatile T value;

  /**
   * @param build makes the value; called on first use, and again only after it failed
   */
  public Lazy(Supplier<? extends T> build) {
    this.build = Objects.requireNonNull(build, "build");
  }

  @Override
  public T get() {
    T v = value;
    if (v != null) {
      return v;
    }
    synchronized (this) {
      if (value == null) {
        T built = Objects.requireNonNull(build.get(), "built value");
        build = null; // what it captured can go
        value = built;
      }
      return value;
    }
  }
}
