package dev.cognitosyncmock.identity;

import java.time.Instant;

/**
 * Temporary credentials issued to one identity (GetCredentialsForIdentity, H44, or STS
 * AssumeRoleWithWebIdentity): the entry Sync's authenticator reads from the key registry (H47).
 */
public record IssuedCredentials(
    String accessKeyId,
    String secretKey,
    String sessionToken,
    Instant expiration,
    String identityPoolId,
    String identityId,
    String roleArn) {

  /** Never prints the secret or the session token. */
  @Override
  public String toString() {
    return "IssuedCredentials["
        + accessKeyId
        + ", identity "
        + identityId
        + ", until "
        + expiration
        + "]";
  }
}
