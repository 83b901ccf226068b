package dev.cognitosyncmock.engine;

import java.util.List;

/**
 * The PushSync section of a pool's configuration (SEMANTICS G1). Push is "configured" when at
 * least one SNS platform application is named: {@code {"ApplicationArns": []}} switches it off.
 */
public record PushSyncConfig(List<String> applicationArns, String roleArn) {
  public PushSyncConfig {
    applicationArns = applicationArns == null ? List.of() : List.copyOf(applicationArns);
  }

  public boolean enabled() {
    return !applicationArns.isEmpty();
  }
}
