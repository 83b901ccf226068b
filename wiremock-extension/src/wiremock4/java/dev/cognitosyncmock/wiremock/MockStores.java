package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/**
 * WireMock 4's version of src/main/java's MockStores: WireMock's defaults with the {@link
 * ConstantTimeJournalStore}; no stub store of the mock's, as the {@link FastPath} is not ported.
 */
final class MockStores extends DefaultStores {
  private final RequestJournalStore journal = new ConstantTimeJournalStore();

  MockStores(FileSource fileSource) {
    super(fileSource);
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }
}
