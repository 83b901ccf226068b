package dev.cognitosyncmock.security;

import static java.util.Map.entry;

import dev.cognitosyncmock.engine.Caller;
import java.util.Map;
import java.util.Set;

/**
 * SEMANTICS A7, the one table: which operations only one credential class may call. Operations
 * not listed are open to both; with identity credentials they reach only the caller's own
 * identity. Refusals are 403 NotAuthorizedException, which every operation models.
 */
public final class CredentialClasses {
  private static final Map<String, Caller.Kind> ONLY = Map.ofEntries(
      entry("BulkPublish", Caller.Kind.DEVELOPER),
      entry("GetBulkPublishDetails", Caller.Kind.DEVELOPER),
      entry("GetCognitoEvents", Caller.Kind.DEVELOPER),
      entry("SetCognitoEvents", Caller.Kind.DEVELOPER),
      entry("GetIdentityPoolConfiguration", Caller.Kind.DEVELOPER),
      entry("SetIdentityPoolConfiguration", Caller.Kind.DEVELOPER),
      entry("DescribeIdentityPoolUsage", Caller.Kind.DEVELOPER),
      entry("ListIdentityPoolUsage", Caller.Kind.DEVELOPER),
      entry("RegisterDevice", Caller.Kind.IDENTITY),
      entry("SubscribeToDataset", Caller.Kind.IDENTITY),
      entry("UnsubscribeFromDataset", Caller.Kind.IDENTITY));

  private CredentialClasses() {
  }

  /** The operations named in the table, for a consistency check against the model. */
  public static Set<String> restrictedOperations() {
    return ONLY.keySet();
  }

  /** The only class allowed to call {@code operation}, or null when both are. */
  public static Caller.Kind onlyFor(String operation) {
    return ONLY.get(operation);
  }

  /**
   * Refuses a call its caller may not make: the wrong credential class for the operation, or
   * identity credentials reaching another identity's (or pool's) data.
   *
   * @param key the configured key the request was signed with; null when the caller's class was
   *     read from the request alone (then the identity is the one in the path)
   * @param identityId the call's IdentityId member, null when it has none
   */
  static void check(String operation, Caller.Kind kind, AccessKey key, String identityPoolId,
      String identityId) {
    Caller.Kind only = ONLY.get(operation);
    if (only != null && only != kind) {
      throw AuthErrors.notAuthorized(only == Caller.Kind.DEVELOPER
          ? operation + " requires developer credentials; Cognito identity credentials may not call it"
          : operation + " requires Cognito identity credentials; developer credentials may not call it");
    }
    if (key == null || key.kind() != Caller.Kind.IDENTITY) {
      return;
    }
    if (identityId != null && !identityId.equals(key.identityId())) {
      throw AuthErrors.notAuthorized("Access to identity '" + AuthorizationHeader.clip(identityId)
          + "' is forbidden for the credentials of identity '" + key.identityId() + "'");
    }
    if (identityPoolId != null && key.identityPoolId() != null
        && !identityPoolId.equals(key.identityPoolId())) {
      throw AuthErrors.notAuthorized("Access to identity pool '"
          + AuthorizationHeader.clip(identityPoolId) + "' is forbidden for the credentials of identity '"
          + key.identityId() + "'");
    }
  }
}
