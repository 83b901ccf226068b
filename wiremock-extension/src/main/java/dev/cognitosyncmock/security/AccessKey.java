package dev.cognitosyncmock.security;

import dev.cognitosyncmock.engine.Caller;
import java.util.Objects;

/**
 * One configured access key (SEMANTICS A7). A developer key acts for an AWS account; a Cognito
 * identity key is temporary credentials bound to one identity (and, optionally, one identity pool)
 * and carries the session token it was issued with, which every request must present.
 *
 * @param accessKeyId the key id clients sign with
 * @param secretAccessKey the secret the signature is recomputed with
 * @param kind developer or Cognito identity credentials
 * @param identityId identity keys: the one identity they act for; null for developer keys
 * @param sessionToken the session token requests must carry in {@code x-amz-security-token};
 *     required for identity keys, optional for developer keys (null: requests must carry none)
 * @param accountId developer keys: the account written as LastModifiedBy (C5); null means the
 *     mock's account id
 * @param identityPoolId identity keys: the pool the identity belongs to; null: any pool
 * @param roleName identity keys: the IAM role they act under, named in AccessDeniedException (A7);
 *     null: {@link CredentialClasses#IDENTITY_ROLE}
 */
public record AccessKey(
    String accessKeyId,
    String secretAccessKey,
    Caller.Kind kind,
    String identityId,
    String sessionToken,
    String accountId,
    String identityPoolId,
    String roleName) {

  public AccessKey {
    requireText(accessKeyId, "accessKeyId");
    requireText(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(kind, "kind");
    if (kind == Caller.Kind.IDENTITY) {
      requireText(identityId, "identityId (an identity key is bound to one identity)");
      requireText(sessionToken, "sessionToken (identity keys are temporary credentials)");
      if (accountId != null) {
        throw new IllegalArgumentException(
            "accountId is for developer keys; key " + accessKeyId + " is an identity key");
      }
    } else if (identityId != null || identityPoolId != null || roleName != null) {
      throw new IllegalArgumentException(
          "identityId, identityPoolId and roleName are for identity keys; key "
              + accessKeyId
              + " is a developer key");
    }
  }

  /** A developer key for the mock's account. */
  public static AccessKey developer(String accessKeyId, String secretAccessKey) {
    return new AccessKey(
        accessKeyId, secretAccessKey, Caller.Kind.DEVELOPER, null, null, null, null, null);
  }

  /** A developer key of the given account (LastModifiedBy for its writes). */
  public static AccessKey developer(String accessKeyId, String secretAccessKey, String accountId) {
    return new AccessKey(
        accessKeyId, secretAccessKey, Caller.Kind.DEVELOPER, null, null, accountId, null, null);
  }

  /** Temporary Cognito identity credentials for one identity, in any pool. */
  public static AccessKey identity(
      String accessKeyId, String secretAccessKey, String sessionToken, String identityId) {
    return new AccessKey(
        accessKeyId,
        secretAccessKey,
        Caller.Kind.IDENTITY,
        identityId,
        sessionToken,
        null,
        null,
        null);
  }

  /** The same key, bound to one identity pool as well. */
  public AccessKey inPool(String poolId) {
    return bound(poolId, roleName);
  }

  /** The same key, acting under the IAM role of this name (as Cognito Identity issued it). */
  public AccessKey withRole(String name) {
    return bound(identityPoolId, name);
  }

  private AccessKey bound(String poolId, String role) {
    return new AccessKey(
        accessKeyId, secretAccessKey, kind, identityId, sessionToken, accountId, poolId, role);
  }

  /** The role named in AccessDeniedException messages for this key (A7). */
  public String roleOrDefault() {
    return roleName != null ? roleName : CredentialClasses.IDENTITY_ROLE;
  }

  /** Who a request signed with this key acts as: LastModifiedBy follows it (C5). */
  public Caller caller(String defaultAccountId) {
    return kind == Caller.Kind.IDENTITY
        ? Caller.identity(identityId)
        : Caller.developer(accountId != null ? accountId : defaultAccountId);
  }

  /** Never prints the secret or the session token. */
  @Override
  public String toString() {
    return "AccessKey["
        + accessKeyId
        + ", "
        + kind.name().toLowerCase(java.util.Locale.ROOT)
        + (identityId != null ? ", identity " + identityId : "")
        + (accountId != null ? ", account " + accountId : "")
        + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
