package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/**
 * The stores {@link CognitoSyncServer} gives WireMock unless its user sets others: WireMock's
 * defaults with the {@link ConstantTimeJournalStore} and a stub store that tells the {@link
 * FastPath} whether the catch-all is the only stub.
 */
final class MockStores extends DefaultStores {
  private final RequestJournalStore journal = new ConstantTimeJournalStore();
  private final CatchAllOnlyStubStore stubs = new CatchAllOnlyStubStore();

  MockStores(FileSource fileSource) {
    super(fileSource);
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }

  @Override
  public CatchAllOnlyStubStore getStubStore() {
    return stubs;
  }
}
