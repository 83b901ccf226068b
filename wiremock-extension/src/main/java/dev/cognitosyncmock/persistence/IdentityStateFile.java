package dev.cognitosyncmock.persistence;

import dev.cognitosyncmock.identity.IdentityChanged;
import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IdentityJson;
import dev.cognitosyncmock.identity.IdentityStateDocument;
import dev.cognitosyncmock.state.StateChange;
import dev.cognitosyncmock.state.StateListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Durable Cognito Identity state: after every change the whole identity state is written to {@code
 * identity.json} through a temporary file, fsynced and atomically renamed, before the caller is
 * answered. Identity state is small (pools, identities, links, live keys), so a full write per
 * change is cheap, and a crash at any point leaves either the old or the new file.
 */
public final class IdentityStateFile implements StateListener {
  static final String FILE = "identity.json";

  private final Path dir;
  private final IdentityEngine engine;

  private IdentityStateFile(Path dir, IdentityEngine engine) {
    this.dir = dir;
    this.engine = engine;
  }

  /**
   * Restores the engine from the directory's file, if any; the file is kept current once the answer
   * listens to the state's changes.
   */
  public static IdentityStateFile open(Path dir, IdentityEngine engine) {
    IdentityStateFile file = new IdentityStateFile(dir, engine);
    Path path = dir.resolve(FILE);
    if (Files.isRegularFile(path)) {
      try {
        engine.importState(
            IdentityJson.MAPPER.readValue(path.toFile(), IdentityStateDocument.class));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "Cannot read the identity state in " + path + ": " + e.getMessage());
      }
    }
    return file;
  }

  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  /** Writes the identity state when it changed, before the change is acknowledged. */
  @Override
  public void onChange(StateChange change) {
    if (change instanceof IdentityChanged) {
      write();
    }
  }

  /** Writes the current state; synchronized so that concurrent changes leave the newest on disk. */
  public synchronized void write() {
    try {
      Files.createDirectories(dir);
      byte[] bytes = IdentityJson.MAPPER.writeValueAsBytes(engine.exportState());
      AtomicFile.replace(dir, FILE, bytes);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // some file systems cannot fsync a directory; the rename is still atomic
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
