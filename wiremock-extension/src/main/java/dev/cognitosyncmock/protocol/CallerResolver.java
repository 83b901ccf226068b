package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.Caller;

/**
 * Decides who is calling, for LastModifiedBy (SEMANTICS C5). Without signature checking the mock
 * reads the credential class from the request: temporary credentials (a session token) as a
 * Cognito identity acting for the identity in the path, anything else as the developer account.
 */
public final class CallerResolver {
  private final String accountId;

  public CallerResolver(String accountId) {
    this.accountId = accountId;
  }

  Caller resolve(ProtocolRequest request, OperationCall unresolved) {
    String identityId = unresolved.string("IdentityId");
    if (request.header("x-amz-security-token") != null && identityId != null) {
      return Caller.identity(identityId);
    }
    return Caller.developer(accountId);
  }
}
