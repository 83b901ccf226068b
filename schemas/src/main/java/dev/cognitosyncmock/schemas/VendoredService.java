package dev.cognitosyncmock.schemas;

/**
 * The services the mock serves on one endpoint, each with its vendored botocore model and its
 * generated schemas. Cognito Sync's files sit at the resource root (where they always were); the
 * others in a folder named after the service's botocore name.
 */
public enum VendoredService {
  COGNITO_SYNC("", "service-2.json"),
  COGNITO_IDENTITY("cognito-identity/", "cognito-identity/service-2.json"),
  STS("sts/", "sts/service-2.json");

  private final String folder;
  private final String upstreamPath;

  VendoredService(String folder, String upstreamPath) {
    this.folder = folder;
    this.upstreamPath = upstreamPath;
  }

  /**
   * Folder of this service's files inside the module's resource directory ({@code ""} or {@code
   * "sts/"}).
   */
  public String folder() {
    return folder;
  }

  /** Classpath folder of the model and schemas, ending in {@code /}. */
  String resourceBase() {
    return "/dev/cognitosyncmock/schemas/" + folder;
  }

  /** Path of the upstream botocore model below {@code shared/spec}. */
  String upstreamPath() {
    return upstreamPath;
  }
}
