package dev.cognitosyncmock.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * The Cognito Identity choices IDENTITY.md marks as inferred where a user could want the other
 * answer.
 *
 * @param region the region in pool and identity ids (H7)
 * @param accountId the account in pool ARNs (H17) and assumed-role ARNs
 * @param deleteSyncData DeleteIdentityPool and DeleteIdentities also drop the Sync data of what
 *     they delete (H15, H32); off keeps the data, reachable only through the admin API
 * @param credentialsLifetime how long GetCredentialsForIdentity keys last (H44: one hour)
 * @param strictLoginTokens the two optional provider-token checks of H23: an expired {@code exp}
 *     and, for user-pool and OIDC logins, an {@code iss} that is not {@code https://<key>}
 */
public record IdentitySettings(
    String region,
    String accountId,
    boolean deleteSyncData,
    Duration credentialsLifetime,
    boolean strictLoginTokens) {
  public static final IdentitySettings DEFAULT =
      new IdentitySettings("us-east-1", "123456789012", true, Duration.ofHours(1), false);

  public IdentitySettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("Not an AWS region name: " + region);
    }
    if (credentialsLifetime.compareTo(Duration.ofMinutes(15)) < 0) {
      // clients refetch credentials expiring within 10 minutes before every request (H45)
      throw new IllegalArgumentException(
          "Identity credentials must last at least 15 minutes (H45)");
    }
  }

  public IdentitySettings withRegion(String value) {
    return new IdentitySettings(
        value, accountId, deleteSyncData, credentialsLifetime, strictLoginTokens);
  }

  public IdentitySettings withDeleteSyncData(boolean value) {
    return new IdentitySettings(region, accountId, value, credentialsLifetime, strictLoginTokens);
  }

  public IdentitySettings withStrictLoginTokens(boolean value) {
    return new IdentitySettings(region, accountId, deleteSyncData, credentialsLifetime, value);
  }
}
