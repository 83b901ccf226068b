package dev.cognitosyncmock.engine;

/** The model's {@code Operation} enum: what a {@link RecordPatch} does to its key. */
public enum PatchOp {
  REPLACE("replace"),
  REMOVE("remove");

  private final String wireName;

  PatchOp(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PatchOp fromWire(String name) {
    for (PatchOp op : values()) {
      if (op.wireName.equals(name)) {
        return op;
      }
    }
    throw new ServiceException(
        ErrorShape.InvalidParameterException, "Op must be one of [replace, remove], got: " + name);
  }
}
