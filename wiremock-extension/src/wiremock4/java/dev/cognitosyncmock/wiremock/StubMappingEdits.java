package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/** WireMock 4's version of src/main/java's StubMappingEdits: mappings are immutable, so a copy. */
final class StubMappingEdits {
  private StubMappingEdits() {}

  static StubMapping withRequest(StubMapping stub, RequestPattern request) {
    return stub.transform(b -> b.setRequest(request));
  }
}
