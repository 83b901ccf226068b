package dev.cognitosyncmock.doctests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scratch project one Markdown file's blocks share, in document order, as a reader following
 * the file would: {@code file=} blocks write into it, shell blocks run in it (unless {@code repo}),
 * Java blocks compile into its {@code classes} with its {@code src/test/resources} and {@code
 * src/main/resources} on the class path.
 */
record Sandbox(Path dir) {

  static Sandbox create(String markdownFile) {
    try {
      Path base = Path.of(System.getProperty("doctests.work", "target/doctests"));
      Files.createDirectories(base);
      return new Sandbox(
          Files.createTempDirectory(
              base.toAbsolutePath(), markdownFile.replaceAll("[^A-Za-z0-9]+", "-") + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path classes() {
    return dir.resolve("classes");
  }

  void write(String relative, String content) {
    Path target = dir.resolve(relative).normalize();
    if (!target.startsWith(dir)) {
      throw new IllegalArgumentException("file= must stay inside the scratch project: " + relative);
    }
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh loader per block, so each block sees the resources written before it. */
  URLClassLoader classLoader(ClassLoader parent) {
    try {
      return new URLClassLoader(
          new URL[] {
            classes().toUri().toURL(),
            dir.resolve("src/test/resources").toUri().toURL(),
            dir.resolve("src/main/resources").toUri().toURL()
          },
          parent);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
