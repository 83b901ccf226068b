package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.engine.MutableClock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.IdSource;
import java.time.Clock;
import dev.cognitosyncmock.security.AccessKey;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything one mock is started with, as the builder or the annotation left it.
 *
 * @param clock a clock used as given; null when {@code clockStart} or the system clock applies
 * @param clockStart start of a {@link MutableClock} made per mock and rewound on reset; or null
 * @param ids makes the id source; called again on every reset
 * @param seed starting state, or null for empty
 * @param sdkEndpointProperties point clients the code under test builds at the mock through the
 *     AWS SDK's {@code aws.endpointUrlCognitoSync} system property ({@link SdkEndpointProperties})
 */
record MockOptions(int port, EngineSettings settings, String accountId, Clock clock,
    Instant clockStart, Supplier<IdSource> ids, StateSeed seed, ResetPolicy reset,
    int requestJournalSize, boolean verbose, Consumer<WireMockConfiguration> wireMockOptions,
    SecurityOptions security, boolean sdkEndpointProperties) {

  /**
   * What the mock checks about callers (see docs/security.md); all off by default.
   *
   * @param credentials keys besides the extension's own developer key, which is always known
   */
  record SecurityOptions(boolean verifySignatures, boolean enforceCredentialClasses,
      List<AccessKey> credentials) {
    static final SecurityOptions OFF = new SecurityOptions(false, false, List.of());
  }
}
