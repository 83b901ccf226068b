package dev.cognitosyncmock.security;

import java.util.List;
import java.util.Objects;

/**
 * What the mock checks about who is calling. Everything is off by default: any credentials are
 * accepted and the credential class is read from the request (a session token means Cognito
 * identity credentials).
 *
 * @param verifySignatures check every request's SigV4 signature against {@code credentials}
 * @param enforceCredentialClasses refuse developer-only calls with identity credentials,
 *     identity-only calls with developer credentials, and identity credentials reaching another
 *     identity's data (SEMANTICS A7)
 * @param credentials the access keys the mock knows
 */
public record SecuritySettings(
    boolean verifySignatures, boolean enforceCredentialClasses, List<AccessKey> credentials) {
  public static final SecuritySettings OFF = new SecuritySettings(false, false, List.of());

  public SecuritySettings {
    credentials = List.copyOf(Objects.requireNonNull(credentials, "credentials"));
    if (verifySignatures && credentials.isEmpty()) {
      throw new IllegalArgumentException(
          "Signature verification needs at least one access key (credentials or a credentials file)");
    }
    long distinct = credentials.stream().map(AccessKey::accessKeyId).distinct().count();
    if (distinct != credentials.size()) {
      throw new IllegalArgumentException("An access key id is configured twice");
    }
  }
}
