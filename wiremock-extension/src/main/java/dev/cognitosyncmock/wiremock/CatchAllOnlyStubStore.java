package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * WireMock's in-memory stub store, which also knows whether the mock's catch-all, unchanged, is the
 * only stub ({@link FastPath}'s first condition). Every way a stub comes or goes passes through the
 * store: {@code stubFor}, the admin API, mappings loaded from a files root or by an extension,
 * edits, removals and resets.
 */
final class CatchAllOnlyStubStore implements StubMappingStore {
  private static final StubMapping CATCH_ALL = CognitoSyncWireMockExtension.catchAllStub();

  private final StubMappingStore stubs = new InMemoryStubMappingStore();

  /** The catch-all while it is the only stub, else null: read on every request, set on changes. */
  private volatile StubMapping onlyCatchAll;

  /** {@return the catch-all while it is the only stub and as the mock made it; else null} */
  StubMapping onlyCatchAll() {
    return onlyCatchAll;
  }

  private void changed() {
    List<StubMapping> first = stubs.getAll().limit(2).toList();
    onlyCatchAll = first.size() == 1 && isCatchAll(first.get(0)) ? first.get(0) : null;
  }

  /** The mock's catch-all as it loads it: an edited one (a delay, a listener) is a user's stub. */
  static boolean isCatchAll(StubMapping stub) {
    return CATCH_ALL.equals(stub)
        && (stub.getServeEventListeners() == null || stub.getServeEventListeners().isEmpty());
  }

  @Override
  public Stream<StubMapping> getAll() {
    return stubs.getAll();
  }

  @Override
  public Optional<StubMapping> get(UUID id) {
    return stubs.get(id);
  }

  @Override
  public Stream<StubMapping> findAllMatchingRequest(
      Request request,
      Map<String, RequestMatcherExtension> customMatchers,
      Consumer<SubEvent> subEventConsumer) {
    return stubs.findAllMatchingRequest(request, customMatchers, subEventConsumer);
  }

  @Override
  public synchronized void add(StubMapping stub) {
    stubs.add(stub);
    changed();
  }

  @Override
  public synchronized void replace(StubMapping existing, StubMapping updated) {
    stubs.replace(existing, updated);
    changed();
  }

  @Override
  @SuppressWarnings("removal") // WireMock 3's store still defines it; remove(UUID) calls it
  public synchronized void remove(StubMapping stubMapping) {
    stubs.remove(stubMapping);
    changed();
  }

  @Override
  public synchronized void remove(UUID stubMappingId) {
    stubs.remove(stubMappingId);
    changed();
  }

  @Override
  public synchronized void clear() {
    stubs.clear();
    changed();
  }
}
