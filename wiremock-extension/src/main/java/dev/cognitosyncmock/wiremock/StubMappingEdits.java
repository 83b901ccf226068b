package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * The one place that changes a WireMock {@link StubMapping} after it was built. WireMock 3's
 * mappings are mutable; WireMock 4 makes them immutable (a changed copy instead), which
 * docs/wiremock4.md describes: only this class differs between the two.
 */
final class StubMappingEdits {
  private StubMappingEdits() {}

  /** {@code stub} matching {@code request} instead. */
  static StubMapping withRequest(StubMapping stub, RequestPattern request) {
    stub.setRequest(request);
    return stub;
  }
}
