package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * WireMock 3.13's in-memory request journal store with its two per-request linear scans made
 * constant-time; {@link CognitoSyncServer} uses it whenever the journal is on. Measured in
 * BENCHMARKS.md: with a journal of 1000 entries it takes a request from 164 to 52 µs in-process,
 * and the sync mix over HTTP from 0.39 to 0.70 of WireMock's static-stub rate.
 *
 * <p>WireMock's {@code InMemoryRequestJournalStore} keeps ids in a deque and events in a map. With
 * a capped journal, every request (1) counts the journal, {@code getAllKeys().count()}, by
 * streaming the whole deque through the map, and (2) on completion checks {@code
 * deque.contains(id)}: two walks over up to 1000 entries per request. Here the count comes from the
 * map's size (the key stream is SIZED, so {@code count()} does not traverse it) and the membership
 * test asks the map. Order and every other behaviour are the same: newest first, removal from the
 * oldest end. It relies on WireMock only counting {@link #getAllKeys()} (the stream claims the
 * map's size); re-check on a WireMock upgrade.
 *
 * <p>Each entry keeps at most {@link #MAX_BODY_BYTES} of its request body: WireMock caps the
 * journal in entries, not bytes, so 1000 large refused requests would otherwise stay on the heap.
 */
public final class ConstantTimeJournalStore implements RequestJournalStore {
  /** The request body bytes a journal entry keeps; the rest is dropped. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final Deque<UUID> order = new ConcurrentLinkedDeque<>();
  private final Map<UUID, ServeEvent> events = new ConcurrentHashMap<>();

  @Override
  public void add(ServeEvent event) {
    event = bounded(event);
    events.put(event.getId(), event);
    order.addFirst(event.getId());
  }

  /** The event with its request body cut to {@link #MAX_BODY_BYTES}. */
  static ServeEvent bounded(ServeEvent event) {
    byte[] body = event.getRequest() == null ? null : event.getRequest().getBody();
    if (body == null || body.length <= MAX_BODY_BYTES) {
      return event;
    }
    return ServeEventEdits.withRequestBody(event, Arrays.copyOf(body, MAX_BODY_BYTES));
  }

  @Override
  public Stream<ServeEvent> getAll() {
    return order.stream().map(events::get).filter(Objects::nonNull);
  }

  @Override
  public void removeLast() {
    UUID oldest = order.pollLast();
    if (oldest != null) {
      events.remove(oldest);
    }
  }

  /** Sized by the map: WireMock only counts these, to trim the journal to its cap. */
  @Override
  public Stream<UUID> getAllKeys() {
    return StreamSupport.stream(
        Spliterators.spliterator(
            order.iterator(), events.size(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public Optional<ServeEvent> get(UUID id) {
    return Optional.ofNullable(events.get(id));
  }

  @Override
  public void put(UUID id, ServeEvent event) {
    if (events.containsKey(id)) { // WireMock's store asks the deque: a linear scan
      events.put(id, bounded(event));
    }
  }

  @Override
  public void remove(UUID id) {
    order.remove(id);
    events.remove(id);
  }

  @Override
  public void clear() {
    order.clear();
    events.clear();
  }

  /** WireMock's default stores, with this journal store. */
  public static final class Stores extends DefaultStores {
    private final RequestJournalStore journal = new ConstantTimeJournalStore();

    /**
     * WireMock's default stores over a files root.
     *
     * @param fileSource the files root
     */
    public Stores(FileSource fileSource) {
      super(fileSource);
    }

    @Override
    public RequestJournalStore getRequestJournalStore() {
      return journal;
    }
  }
}
