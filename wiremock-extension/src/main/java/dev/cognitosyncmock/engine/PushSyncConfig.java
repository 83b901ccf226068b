package dev.cognitosyncmock.engine;

import java.util.List;

/**
 * The PushSync section of a pool's configuration (SEMANTICS G1). Push is "configured" when at least
 * one SNS platform application is named. With no application and no role the section is empty, and
 * setting it empty removes it.
 */
public record PushSyncConfig(List<String> applicationArns, String roleArn) {
  public PushSyncConfig {
    applicationArns = applicationArns == null ? List.of() : List.copyOf(applicationArns);
  }

  public boolean enabled() {
    return !applicationArns.isEmpty();
  }

  /** {@code "PushSync": {}} (no application, no role) removes the section (SEMANTICS G1 [I8]). */
  public boolean isEmpty() {
    return applicationArns.isEmpty() && roleArn == null;
  }
}
