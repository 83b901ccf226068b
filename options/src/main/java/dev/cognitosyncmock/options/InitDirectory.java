package dev.cognitosyncmock.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The init directory ({@code --init-dir}), in the spirit of LocalStack's {@code
 * /etc/localstack/init/ready.d} and WireMock's {@code /home/wiremock}: what it holds is loaded at
 * start-up. Each entry is optional; anything else in it is refused, so that a misspelt file name is
 * an error at start rather than a seed silently not loaded. Hidden entries (dot files, Kubernetes'
 * {@code ..data} links) are ignored.
 */
public final class InitDirectory {
  static final List<String> ENTRIES =
      List.of(
          "seed.json", "identity-seed.json", "faults.json", "scenario.json", "mappings", "__files");

  private InitDirectory() {}

  /**
   * Fills in the init directory's files where no explicit seed, fault or scenario file or files
   * root was given.
   *
   * @param options the options, with or without {@link CognitoSyncOptions#INIT_DIRECTORY}
   * @return the options with the init directory's files, or {@code options} when none is set
   * @throws InvalidOptionException if the directory is missing, unreadable or holds an unknown
   *     entry
   */
  public static CognitoSyncOptions expand(CognitoSyncOptions options) {
    if (!options.isSet(CognitoSyncOptions.INIT_DIRECTORY)) {
      return options;
    }
    Path dir = options.get(CognitoSyncOptions.INIT_DIRECTORY);
    String flag = CognitoSyncOptions.INIT_DIRECTORY.flag();
    if (!Files.isDirectory(dir)) {
      throw new InvalidOptionException(
          CognitoSyncOptions.INIT_DIRECTORY, flag + " " + dir + " is not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> unknown =
          entries
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.startsWith(".") && !ENTRIES.contains(name))
              .sorted()
              .toList();
      if (!unknown.isEmpty()) {
        throw new InvalidOptionException(
            CognitoSyncOptions.INIT_DIRECTORY,
            flag
                + " "
                + dir
                + " holds "
                + unknown
                + ", which the mock does not read; it reads "
                + ENTRIES);
      }
    } catch (IOException e) {
      throw new InvalidOptionException(
          CognitoSyncOptions.INIT_DIRECTORY,
          "cannot list " + flag + " " + dir + ": " + ConfigurationFiles.cause(e),
          e);
    }
    CognitoSyncOptions.Builder b = options.toBuilder();
    fill(b, options, CognitoSyncOptions.SEED_FILE, file(dir, "seed.json"));
    fill(b, options, CognitoSyncOptions.IDENTITY_SEED_FILE, file(dir, "identity-seed.json"));
    fill(b, options, CognitoSyncOptions.FAULT_FILE, file(dir, "faults.json"));
    fill(b, options, CognitoSyncOptions.SCENARIO_FILE, file(dir, "scenario.json"));
    fill(
        b,
        options,
        CognitoSyncOptions.ROOT_DIRECTORY,
        Files.isDirectory(dir.resolve("mappings")) ? dir : null);
    return b.build();
  }

  private static void fill(
      CognitoSyncOptions.Builder b, CognitoSyncOptions options, Option<Path> option, Path value) {
    if (value != null && !options.isSet(option)) {
      b.set(option, value);
    }
  }

  private static Path file(Path dir, String name) {
    Path file = dir.resolve(name);
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new InvalidOptionException(
          CognitoSyncOptions.INIT_DIRECTORY,
          CognitoSyncOptions.INIT_DIRECTORY.flag() + " " + dir + ": " + name + " is not a file");
    }
    return Files.isRegularFile(file) ? file : null;
  }
}
