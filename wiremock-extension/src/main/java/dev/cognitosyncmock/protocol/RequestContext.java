package dev.cognitosyncmock.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What travels with one request through the pipeline, beside the request itself: the adapter puts
 * in what it knows (a fault a stub forces), the interceptor keeps what it needs between {@link
 * CallInterceptor#intercept} and {@link CallInterceptor#completed} (a scenario step being
 * recorded). One per request; not shared between threads.
 */
public final class RequestContext {
  private Map<Key<?>, Object> values; // most requests carry nothing: made on first use

  /** A typed slot, defined by the code that uses it. */
  public static final class Key<T> {
    private final String name;

    public Key(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public <T> RequestContext with(Key<T> key, T value) {
    if (values == null) {
      values = new HashMap<>();
    }
    values.put(key, value);
    return this;
  }

  /** The value put under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    return values == null ? null : (T) values.get(key);
  }
}
