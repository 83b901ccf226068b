package dev.cognitosyncmock.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The choices a user may want to make differently from our reading of the spec.
 *
 * @param strictPools unknown identity pools answer 404 until created (default: registered on first use)
 * @param tokenExpiry how long a SyncSessionToken stays valid (SEMANTICS D4: undocumented)
 * @param quotas dataset and record limits (SEMANTICS B7)
 */
public record EngineSettings(boolean strictPools, Duration tokenExpiry, Quotas quotas) {
  public static final EngineSettings DEFAULT =
      new EngineSettings(false, Duration.ofHours(1), Quotas.DEFAULT);

  public EngineSettings {
    Objects.requireNonNull(tokenExpiry, "tokenExpiry");
    Objects.requireNonNull(quotas, "quotas");
  }

  public EngineSettings withStrictPools(boolean strict) {
    return new EngineSettings(strict, tokenExpiry, quotas);
  }

  public EngineSettings withTokenExpiry(Duration expiry) {
    return new EngineSettings(strictPools, expiry, quotas);
  }

  public EngineSettings withQuotas(Quotas q) {
    return new EngineSettings(strictPools, tokenExpiry, q);
  }
}
