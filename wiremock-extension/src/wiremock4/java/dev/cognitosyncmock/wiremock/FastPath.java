package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.Extensions;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * WireMock 4's version of src/main/java's FastPath (the -Pwiremock4 profile compiles this one
 * instead): not ported yet, so it is always off and every request takes WireMock's path. WireMock
 * 4's stub store, response bodies (entities) and servlet request adapter differ; see
 * docs/wiremock4.md.
 */
final class FastPath {
  /** Whether this WireMock line has the fast path. */
  static final boolean PORTED = false;

  private final boolean enabled;

  FastPath(CognitoSyncService service, boolean enabled) {
    this.enabled = enabled;
  }

  void extensions(Extensions extensions, Set<Extension> own) {}

  void stores(MockStores stores) {}

  void start(Options options) {}

  void requestListenerAdded() {}

  Optional<String> offBecause() {
    return Optional.of(
        enabled
            ? "not ported to WireMock 4"
            : "turned off (" + CognitoSyncOptions.FAST_PATH.flag() + ")");
  }

  long served() {
    return 0;
  }

  boolean answered(HttpServletRequest request, HttpServletResponse response) {
    return false;
  }
}
