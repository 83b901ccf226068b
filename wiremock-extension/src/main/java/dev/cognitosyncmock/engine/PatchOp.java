package dev.cognitosyncmock.engine;

import java.util.Locale;

/** The model's {@code Operation} enum: what a {@link RecordPatch} does to its key. */
public enum PatchOp {
  REPLACE,
  REMOVE;

  /** {@return the model's spelling: {@code replace} or {@code remove}} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PatchOp fromWire(String name) {
    if ("replace".equals(name)) {
      return REPLACE;
    }
    if ("remove".equals(name)) {
      return REMOVE;
    }
    throw new ServiceException(
        ErrorShape.InvalidParameterException, "Op must be one of [replace, remove], got: " + name);
  }
}
