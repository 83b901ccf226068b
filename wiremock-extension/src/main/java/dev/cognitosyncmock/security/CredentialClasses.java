package dev.cognitosyncmock.security;

import static java.util.Map.entry;

import dev.cognitosyncmock.engine.Caller;
import java.util.Map;
import java.util.Set;

/**
 * SEMANTICS A7, the one table: which operations only one credential class may call. Operations not
 * listed are open to both; with identity credentials they reach only the caller's own identity. A
 * class refusal is 403 NotAuthorizedException, which every operation models; reaching another
 * identity is IAM's 403 AccessDeniedException.
 */
public final class CredentialClasses {
  private static final Map<String, Caller.Kind> ONLY =
      Map.ofEntries(
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

  private CredentialClasses() {}

  /** The operations named in the table, for a consistency check against the model. */
  public static Set<String> restrictedOperations() {
    return ONLY.keySet();
  }

  /** The only class allowed to call {@code operation}, or null when both are. */
  public static Caller.Kind onlyFor(String operation) {
    return ONLY.get(operation);
  }

  /**
   * The role identity credentials act under, named in AccessDeniedException messages, when their
   * key does not name the one Cognito Identity gave it (a configured key): a console-created pool's
   * authenticated role looks like this.
   */
  public static final String IDENTITY_ROLE = "Cognito_IdentityPoolAuth_Role";

  /**
   * Refuses a call its caller may not make: the wrong credential class for the operation (403
   * NotAuthorizedException, inferred), or identity credentials reaching another identity's (or
   * pool's) data, which IAM refuses before the service sees the call (403 AccessDeniedException
   * naming the assumed role [I10]).
   *
   * @param key the configured key the request was signed with; null when the caller's class was
   *     read from the request alone (then the identity is the one in the path)
   * @param call the operation and the names it reaches
   * @param accountId the account the pool (and the role) belong to
   */
  static void check(CallScope call, Caller.Kind kind, AccessKey key, String accountId) {
    String operation = call.operation();
    Caller.Kind only = ONLY.get(operation);
    if (only != null && only != kind) {
      throw AuthErrors.notAuthorized(
          only == Caller.Kind.DEVELOPER
              ? operation
                  + " requires developer credentials; Cognito identity credentials may not call it"
              : operation
                  + " requires Cognito identity credentials; developer credentials may not call it");
    }
    if (key == null || key.kind() != Caller.Kind.IDENTITY) {
      return;
    }
    boolean otherIdentity =
        call.identityId() != null && !call.identityId().equals(key.identityId());
    boolean otherPool =
        call.identityPoolId() != null
            && key.identityPoolId() != null
            && !call.identityPoolId().equals(key.identityPoolId());
    if (otherIdentity || otherPool) {
      throw AuthErrors.accessDenied(
          accountId, key.roleOrDefault(), operation, resource(accountId, call));
    }
  }

  /** The resource ARN IAM names, as the real message shows it ({@code dataset/null} included). */
  private static String resource(String accountId, CallScope call) {
    String pool = AuthorizationHeader.clip(String.valueOf(call.identityPoolId()));
    int colon = pool.indexOf(':');
    String region = colon > 0 ? pool.substring(0, colon) : "us-east-1";
    return "arn:aws:cognito-sync:"
        + region
        + ":"
        + accountId
        + ":identitypool/"
        + pool
        + "/identity/"
        + AuthorizationHeader.clip(String.valueOf(call.identityId()))
        + "/dataset/"
        + AuthorizationHeader.clip(String.valueOf(call.datasetName()));
  }
}
