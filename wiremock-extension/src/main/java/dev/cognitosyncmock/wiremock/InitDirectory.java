package dev.cognitosyncmock.wiremock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The standalone server's init directory ({@code --init-dir}), in the spirit of LocalStack's
 * {@code /etc/localstack/init/ready.d} and WireMock's {@code /home/wiremock}: what it holds is
 * loaded at start-up. Each entry is optional; anything else in it is refused, so that a misspelt
 * file name is an error at start rather than a seed silently not loaded. Hidden entries (dot
 * files, Kubernetes' {@code ..data} links) are ignored.
 *
 * @param seed {@code seed.json}: a state document, as {@code GET /__admin/cognito-sync/state}
 * @param faults {@code faults.json}: fault rules, as {@code --fault-file}
 * @param scenario {@code scenario.json}: a scenario to replay, as {@code --scenario-file}
 * @param wireMockRoot the directory itself when it has {@code mappings/}: WireMock's files root
 */
record InitDirectory(Path seed, Path faults, Path scenario, Path wireMockRoot) {
  static final InitDirectory NONE = new InitDirectory(null, null, null, null);
  static final List<String> ENTRIES =
      List.of("seed.json", "faults.json", "scenario.json", "mappings", "__files");

  static InitDirectory read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--init-dir " + dir + " is not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> unknown = entries.map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !ENTRIES.contains(name)).sorted().toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("--init-dir " + dir + " holds " + unknown
            + ", which the mock does not read; it reads " + ENTRIES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list --init-dir " + dir, e);
    }
    return new InitDirectory(file(dir, "seed.json"), file(dir, "faults.json"),
        file(dir, "scenario.json"), Files.isDirectory(dir.resolve("mappings")) ? dir : null);
  }

  private static Path file(Path dir, String name) {
    Path file = dir.resolve(name);
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--init-dir " + dir + ": " + name + " is not a file");
    }
    return Files.isRegularFile(file) ? file : null;
  }
}
