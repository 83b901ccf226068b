package dev.cognitosyncmock.junit;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cognitosyncmock.engine.EngineSettings;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.options.CognitoSyncOptions;
import dev.cognitosyncmock.security.AccessKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything one mock is started with, as the builder or the annotation left it.
 *
 * @param options the mock's options, as the standalone server's flags set them
 * @param settings engine settings with no option of their own (quotas...); strict pools and token
 *     expiry come from {@code options}
 * @param clock a clock used as given; null when {@code clockStart} or the system clock applies
 * @param clockStart start of a {@link MutableClock} made per mock and rewound on reset; or null
 * @param ids makes the id source; called again on every reset
 * @param seed starting state, or null for empty (or the seed file option)
 * @param credentials keys besides the extension's own developer key, which is always known
 * @param sdkEndpointProperties point clients the code under test builds at the mock through the AWS
 *     SDK's {@code aws.endpointUrlCognitoSync} system property ({@link SdkEndpointProperties})
 */
record MockOptions(
    CognitoSyncOptions options,
    EngineSettings settings,
    Clock clock,
    Instant clockStart,
    Supplier<IdSource> ids,
    StateSeed seed,
    ResetPolicy reset,
    Consumer<WireMockConfiguration> wireMockOptions,
    List<AccessKey> credentials,
    boolean sdkEndpointProperties) {

  /** The seed: the builder's or annotation's, else the seed file option's. */
  StateSeed effectiveSeed() {
    if (seed != null) {
      return seed;
    }
    return options.find(CognitoSyncOptions.SEED_FILE).map(StateSeed::file).orElse(null);
  }
}
