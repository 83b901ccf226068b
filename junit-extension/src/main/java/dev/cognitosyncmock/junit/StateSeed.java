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

  /**
   * Reads the seed document.
   *
   * @param loader where a classpath resource is looked up
   * @return the starting state: Sync's, and Cognito Identity's when the document has any
   * @throws IllegalArgumentException if the document is missing or invalid
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  StateDocument load(ClassLoader loader);

  /**
   * {@return a seed read from a file}
   *
   * @param path the file
   */
  static StateSeed file(Path path) {
    return new FromFile(path);
  }

  /**
   * {@return a seed read from a classpath resource}
   *
   * @param resource the resource name; a leading {@code /} is ignored
   */
  static StateSeed classpath(String resource) {
    return new FromClasspath(resource);
  }

  /**
   * A seed from its annotation string form.
   *
   * @param location {@code file:<path>} for a file, {@code classpath:<name>} or a bare name for a
   *     classpath resource
   * @return the seed
   */
  static StateSeed parse(String location) {
    if (location.startsWith("file:")) {
      return file(Path.of(location.substring("file:".length())));
    }
    return classpath(
        location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
  }

  /**
   * A seed read from a file.
   *
   * @param path the file
   */
  record FromFile(Path path) implements StateSeed {
    /**
     * A seed read from a file.
     *
     * @param path the file
     * @throws NullPointerException if the path is null
     */
    public FromFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public StateDocument load(ClassLoader loader) {
      return StateDocument.read(path);
    }
  }

  /**
   * A seed read from a classpath resource.
   *
   * @param resource the resource name; a leading {@code /} is ignored
   */
  record FromClasspath(String resource) implements StateSeed {
    /**
     * A seed read from a classpath resource.
     *
     * @param resource the resource name; a leading {@code /} is ignored
     * @throws NullPointerException if the resource is null
     */
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
