package dev.cognitosyncmock.persistence;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.DatasetChange;
import dev.cognitosyncmock.engine.DatasetKey;
import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.PoolRegistered;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.engine.SyncRecord;
import dev.cognitosyncmock.engine.SyncSessionStarted;
import dev.cognitosyncmock.identity.IdentityChanged;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import dev.cognitosyncmock.state.StateChange;
import dev.cognitosyncmock.state.StateListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * Durable state in a directory, following the engine's change events (never operation names):
 * dataset changes, pool registrations and sync sessions are appended to a journal and fsynced
 * before the caller is answered; any other change (a pool's configuration, devices, a merge, an
 * import) is made durable by a snapshot once the call lets go of the state lock, still before it
 * answers. Calls that change nothing write nothing. Large journals are compacted into a snapshot.
 *
 * <p>Files: {@code snapshot.json} holds the state as of its generation G; {@code journal-N.log}
 * holds the changes after snapshot N, one JSON line each. Compaction rotates the journal while the
 * engine is locked, then writes snapshot N+1 and deletes older journals, so a crash at any point
 * recovers from the newest snapshot plus every journal at or after its generation. A torn last line
 * (a crash mid-append, never acknowledged) is ignored.
 */
public final class StateJournal implements StateListener, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StateJournal.class.getName());
  private static final Pattern JOURNAL_NAME = Pattern.compile("journal-(\\d+)\\.log");
  static final String SNAPSHOT = "snapshot.json";

  /** Journal lines after which the next change triggers a compaction. */
  public static final int DEFAULT_COMPACT_AFTER = 10_000;

  private final Path dir;
  private final SyncEngine engine;
  private final int compactAfter;
  private long generation;
  private FileChannel journal;
  private int linesSinceSnapshot;

  /** Changes that only a snapshot makes durable: how many were told, how many one covers. */
  private volatile long snapshotOnlyChanges; // written under this object's monitor

  private volatile long snapshotCovers;
  private final ReentrantLock compacting = new ReentrantLock();

  private StateJournal(Path dir, SyncEngine engine, int compactAfter) {
    this.dir = dir;
    this.engine = engine;
    this.compactAfter = compactAfter;
  }

  /** True when the directory holds no state yet (absent, or without snapshot and journals). */
  public static boolean isEmpty(Path dir) {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .noneMatch(n -> n.equals(SNAPSHOT) || JOURNAL_NAME.matcher(n).matches());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Recovers the engine's state from the directory (creating it if needed) and starts journaling.
   */
  public static StateJournal open(Path dir, SyncEngine engine) {
    return open(dir, engine, DEFAULT_COMPACT_AFTER);
  }

  public static StateJournal open(Path dir, SyncEngine engine, int compactAfter) {
    StateJournal j = new StateJournal(dir, engine, compactAfter);
    try {
      Files.createDirectories(dir);
      j.recover();
      j.journal = j.openJournal(j.generation);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open state directory " + dir, e);
    }
    engine.state().addListener(j);
    return j;
  }

  private void recover() throws IOException {
    Path snapshot = dir.resolve(SNAPSHOT);
    if (Files.exists(snapshot)) {
      PersistedSnapshot persisted;
      try {
        persisted = Json.MAPPER.readValue(Files.readAllBytes(snapshot), PersistedSnapshot.class);
        generation = persisted.generation();
        engine.importState(persisted.state());
      } catch (JacksonException e) {
        throw unreadableSnapshot(snapshot, JsonProblem.describe(e));
      } catch (ServiceException e) {
        throw unreadableSnapshot(snapshot, e.getMessage());
      }
    }
    int replayed = 0;
    for (long n : journalGenerations()) {
      Path file = journalFile(n);
      if (n < generation) {
        Files.deleteIfExists(file); // already inside the snapshot
        continue;
      }
      replayed += replay(file);
      generation = Math.max(generation, n);
    }
    LOG.info(
        "Recovered state from "
            + dir
            + " (snapshot generation "
            + generation
            + ", "
            + replayed
            + " journaled changes)");
  }

  /**
   * A snapshot that cannot be read is never skipped silently (that would drop the state it holds):
   * start-up stops, naming the file, what is wrong and the ways out.
   */
  private CorruptStateException unreadableSnapshot(Path snapshot, String problem) {
    return new CorruptStateException(
        "Cannot recover state: "
            + snapshot.toAbsolutePath()
            + " is unreadable ("
            + problem
            + "). Restore it from a backup, or move it aside to start"
            + " from the journal files in "
            + dir.toAbsolutePath()
            + " alone (changes older than the snapshot are then lost), or point the persistence"
            + " directory elsewhere to start empty.");
  }

  /** The state directory holds something that cannot be recovered; the message says what. */
  public static final class CorruptStateException extends RuntimeException {
    CorruptStateException(String message) {
      super(message, null, false, false);
    }
  }

  private int replay(Path file) throws IOException {
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          engine.replay(Json.MAPPER.readValue(line, JournalEntry.class).toChange());
          n++;
        } catch (JacksonException e) {
          LOG.warning("Ignoring an unreadable journal line in " + file + " (torn write?)");
        }
      }
    }
    linesSinceSnapshot += n;
    return n;
  }

  /**
   * Runs on the request path, under the changed part's lock: a journaled change is durable before
   * it returns; any other is noted for the snapshot {@link #settled} writes.
   */
  @Override
  public synchronized void onChange(StateChange change) {
    if (change instanceof IdentityChanged) {
      return; // Cognito Identity's state has its own file (IdentityStateFile)
    }
    JournalEntry journalEntry = JournalEntry.of(change);
    if (journalEntry == null) {
      snapshotOnlyChanges++;
      return;
    }
    // bytes from the mapper, which escapes a lone surrogate (a key may hold one); a String
    // encoded as UTF-8 would turn it into '?' and the record would come back changed
    byte[] entry = Json.MAPPER.writeValueAsBytes(journalEntry);
    byte[] line = java.util.Arrays.copyOf(entry, entry.length + 1);
    line[entry.length] = '\n';
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        journal.write(buffer);
      }
      journal.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the state journal in " + dir, e);
    }
    linesSinceSnapshot++;
  }

  /**
   * The call holds no state lock any more: writes the snapshot that changes outside the journal
   * wait for. (A large journal is compacted by whoever serves requests, at a quiet moment: see
   * {@link #wantsCompaction}.)
   */
  @Override
  public void settled() {
    if (compacting.isHeldByCurrentThread() || !snapshotDue()) {
      return;
    }
    compacting.lock();
    try {
      if (snapshotDue()) { // another call's snapshot may have covered this one's changes
        compact();
      }
    } finally {
      compacting.unlock();
    }
  }

  /** Lock-free: every call asks, and appends hold the monitor through their fsync. */
  private boolean snapshotDue() {
    return snapshotOnlyChanges > snapshotCovers;
  }

  /** True when the journal has grown enough that the next quiet moment should compact it. */
  public synchronized boolean wantsCompaction() {
    return linesSinceSnapshot >= compactAfter;
  }

  /**
   * Writes a snapshot of the current state and starts a new journal. Call it outside any engine
   * call (it locks the whole state), e.g. after an admin import or a pool configuration change,
   * which the journal does not record line by line.
   */
  public void compact() {
    compacting.lock();
    try {
      writeSnapshot();
    } finally {
      compacting.unlock();
    }
  }

  private void writeSnapshot() {
    long[] next = new long[1];
    long[] covers = new long[1];
    EngineSnapshot state =
        engine.exportState(
            () -> {
              synchronized (this) {
                covers[0] = snapshotOnlyChanges;
                try {
                  journal.close();
                  next[0] = generation + 1;
                  journal = openJournal(next[0]);
                  generation = next[0];
                  linesSinceSnapshot = 0;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
    try {
      AtomicFile.replace(
          dir, SNAPSHOT, Json.MAPPER.writeValueAsBytes(new PersistedSnapshot(next[0], state)));
      syncDirectory();
      for (long n : journalGenerations()) {
        if (n < next[0]) {
          Files.deleteIfExists(journalFile(n));
        }
      }
      synchronized (this) {
        snapshotCovers = Math.max(snapshotCovers, covers[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a snapshot in " + dir, e);
    }
  }

  @Override
  public void close() {
    engine.state().removeListener(this);
    compact();
    synchronized (this) {
      try {
        journal.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private FileChannel openJournal(long n) throws IOException {
    FileChannel channel =
        FileChannel.open(
            journalFile(n),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    syncDirectory();
    return channel;
  }

  private void syncDirectory() {
    // makes a new or renamed file's directory entry durable; not every platform allows it
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.fine("Directory fsync not available: " + e);
    }
  }

  private Path journalFile(long n) {
    return dir.resolve("journal-" + n + ".log");
  }

  private List<Long> journalGenerations() throws IOException {
    List<Long> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            Matcher m = JOURNAL_NAME.matcher(f.getFileName().toString());
            if (m.matches()) {
              found.add(Long.parseLong(m.group(1)));
            }
          });
    }
    found.sort(null);
    return found;
  }

  /** snapshot.json: the state and the journal generation that follows it. */
  record PersistedSnapshot(long generation, EngineSnapshot state) {}

  /**
   * One journal line: a committed change in plain values. The kinds are the dataset change kinds,
   * {@value #POOL_REGISTERED} and {@value #SYNC_SESSION_STARTED} (which use the pool id, and {@code
   * at} for the registration).
   */
  record JournalEntry(
      String kind,
      String identityPoolId,
      String identityId,
      String datasetName,
      String callerKind,
      String caller,
      String deviceId,
      long syncCount,
      Instant at,
      List<SyncRecord> written) {
    static final String POOL_REGISTERED = "POOL_REGISTERED";
    static final String SYNC_SESSION_STARTED = "SYNC_SESSION_STARTED";

    /** The line for a change the journal keeps, or null for one only a snapshot keeps. */
    static JournalEntry of(StateChange change) {
      if (change instanceof DatasetChange c) {
        DatasetKey k = c.dataset();
        return new JournalEntry(
            c.kind().name(),
            k.identityPoolId(),
            k.identityId(),
            k.datasetName(),
            c.caller().kind().name(),
            c.caller().principal(),
            c.deviceId(),
            c.syncCount(),
            c.at(),
            c.written());
      }
      if (change instanceof PoolRegistered r) {
        return poolLine(POOL_REGISTERED, r.identityPoolId(), r.creationDate());
      }
      if (change instanceof SyncSessionStarted s) {
        return poolLine(SYNC_SESSION_STARTED, s.identityPoolId(), null);
      }
      return null;
    }

    private static JournalEntry poolLine(String kind, String identityPoolId, Instant at) {
      return new JournalEntry(kind, identityPoolId, null, null, null, null, null, 0, at, null);
    }

    StateChange toChange() {
      switch (kind) {
        case POOL_REGISTERED:
          return new PoolRegistered(identityPoolId, at);
        case SYNC_SESSION_STARTED:
          return new SyncSessionStarted(identityPoolId);
        default:
          return new DatasetChange(
              DatasetChange.Kind.valueOf(kind),
              new DatasetKey(identityPoolId, identityId, datasetName),
              new Caller(Caller.Kind.valueOf(callerKind), caller),
              deviceId,
              syncCount,
              written == null ? List.of() : written,
              at);
      }
    }
  }
}
