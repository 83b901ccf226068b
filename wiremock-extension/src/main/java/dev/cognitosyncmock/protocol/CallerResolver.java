package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import dev.cognitosyncmock.security.CallScope;
import dev.cognitosyncmock.security.SecuritySettings;
import java.time.Clock;

/**
 * Decides who is calling, for LastModifiedBy (SEMANTICS C5) and the credential classes (A7). A
 * request signed with a configured key acts as that key: its identity for a Cognito identity key,
 * its account for a developer key. Otherwise the mock reads the credential class from the request:
 * temporary credentials (a session token) as a Cognito identity acting for the identity in the
 * path, anything else as the developer account.
 */
public final class CallerResolver {
  private final String accountId;
  private final Authenticator authenticator;

  public CallerResolver(String accountId) {
    this(accountId, new Authenticator(SecuritySettings.OFF, Clock.systemUTC()));
  }

  public CallerResolver(String accountId, Authenticator authenticator) {
    this.accountId = accountId;
    this.authenticator = authenticator;
  }

  /** Before routing: the signature check, when on (see {@link Authenticator#authenticate}). */
  AccessKey authenticate(ProtocolRequest request) {
    return authenticator.authenticate(request.signed());
  }

  /**
   * After validation: the caller, refused (403) when credential classes are enforced and violated
   * (NotAuthorizedException) or identity credentials reach another identity
   * (AccessDeniedException).
   */
  Caller resolve(ProtocolRequest request, OperationCall unresolved, AccessKey key) {
    String identityId = unresolved.string("IdentityId");
    boolean temporary = request.header("x-amz-security-token") != null;
    Caller caller;
    if (key != null) {
      caller = key.caller(accountId);
    } else if (temporary && identityId != null) {
      caller = Caller.identity(identityId);
    } else {
      caller = Caller.developer(accountId);
    }
    Caller.Kind kind =
        key != null ? key.kind() : temporary ? Caller.Kind.IDENTITY : Caller.Kind.DEVELOPER;
    authenticator.authorize(
        new CallScope(
            unresolved.operation(),
            unresolved.identityPoolId(),
            identityId,
            unresolved.string("DatasetName")),
        kind,
        key,
        accountId);
    return caller;
  }
}
