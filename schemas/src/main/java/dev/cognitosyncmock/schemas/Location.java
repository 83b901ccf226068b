package dev.cognitosyncmock.schemas;

/** Where a request member travels on the wire (botocore {@code location}; absent means body). */
public enum Location {
  URI("uri"),
  QUERY("querystring"),
  HEADER("header"),
  BODY("body");

  private final String modelName;

  Location(String modelName) {
    this.modelName = modelName;
  }

  /**
   * The spelling botocore uses ({@code uri}, {@code querystring}, {@code header}); {@code body} for
   * body members.
   */
  public String modelName() {
    return modelName;
  }

  /** Maps a botocore {@code location} value; {@code null} (no location) means the JSON body. */
  public static Location fromModel(String location) {
    if (location == null) {
      return BODY;
    }
    for (Location candidate : values()) {
      if (candidate.modelName.equals(location)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("Unknown member location in service model: " + location);
  }
}
