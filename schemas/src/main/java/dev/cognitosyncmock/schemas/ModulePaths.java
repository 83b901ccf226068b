package dev.cognitosyncmock.schemas;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default file locations for the command-line tools and the tests, which run from the repo root or
 * the module.
 */
final class ModulePaths {

  static final String RESOURCE_DIR = "src/main/resources/dev/cognitosyncmock/schemas";

  private ModulePaths() {}

  /**
   * The {@code schemas} module directory, whether we run from the repository root or from the
   * module.
   */
  static Path moduleDir() {
    Path cwd = Path.of("").toAbsolutePath();
    Path nested = cwd.resolve("schemas");
    if (Files.isDirectory(nested.resolve(RESOURCE_DIR))) {
      return nested;
    }
    return cwd;
  }

  static Path resourceDir(Path moduleDir) {
    return moduleDir.resolve(RESOURCE_DIR);
  }

  static Path vendoredModel(Path moduleDir) {
    return resourceDir(moduleDir).resolve("service-2.json");
  }

  static Path vendoredModel(Path moduleDir, VendoredService service) {
    return resourceDir(moduleDir).resolve(service.folder() + "service-2.json");
  }

  /**
   * The upstream model of {@code service} in {@code shared/spec} beside the repository checkout.
   */
  static Path upstreamModel(Path moduleDir, VendoredService service) {
    if (service == VendoredService.COGNITO_SYNC) {
      return upstreamModel(moduleDir);
    }
    return moduleDir
        .toAbsolutePath()
        .getParent()
        .resolveSibling("shared")
        .resolve("spec")
        .resolve(service.upstreamPath());
  }

  /**
   * The upstream botocore model: {@code shared/spec/service-2.json} beside the repository checkout
   * (the worktree layout), overridable with {@code -Dcognitosyncmock.upstreamModel=...}.
   */
  static Path upstreamModel(Path moduleDir) {
    String override = System.getProperty("cognitosyncmock.upstreamModel");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return moduleDir
        .toAbsolutePath()
        .getParent()
        .resolveSibling("shared")
        .resolve("spec")
        .resolve("service-2.json");
  }
}
