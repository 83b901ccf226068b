package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.admin.StateDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the starting state comes from: a JSON document in the admin API's export format (Sync's
 * state, and Cognito Identity's under {@code cognitoIdentity} when it has any), read once when the
 * mock starts and re-applied on every reset.
 */
public sealed interface StateSeed {

  StateDocument load(ClassLoader loader);

  static StateSeed file(Path path) {
    return new FromFile(path);
  }

  static StateSeed classpath(String resource) {
    return new FromClasspath(resource);
  }

  /**
   * The annotation's string form: {@code file:<path>} for a file, {@code classpath:<name>} or a
   * bare name for a classpath resource.
   */
  static StateSeed parse(String location) {
    if (location.startsWith("file:")) {
      return file(Path.of(location.substring("file:".length())));
    }
    return classpath(
        location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
  }

  record FromFile(Path path) implements StateSeed {
    public FromFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public StateDocument load(ClassLoader loader) {
      return StateDocument.read(path);
    }
  }

  record FromClasspath(String resource) implements StateSeed {
    public FromClasspath {
      Objects.requireNonNull(resource, "resource");
    }

    @Override
    public StateDocument load(ClassLoader loader) {
      String name = resource.startsWith("/") ? resource.substring(1) : resource;
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("Seed resource not found on the classpath: " + name);
        }
        return StateDocument.read(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read seed resource " + name, e);
      }
    }
  }
}
