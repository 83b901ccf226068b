package dev.cognitosyncmock.security;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.engine.ServiceException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling, in two steps the protocol layer takes: {@link #authenticate} before routing (as
 * AWS checks signatures before it looks at the operation), and {@link #authorize} once the call is
 * validated, when its operation and identity are known.
 */
public final class Authenticator {
  private final SecuritySettings settings;

  /** Live: keys added later (the JUnit extension adds one per injected identity client) count. */
  private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();

  private final SigV4Verifier verifier;

  /** Temporary keys Cognito Identity issued (IDENTITY.md H47): refused once expired. */
  private final Map<String, java.time.Instant> expirations = new ConcurrentHashMap<>();

  private final Clock clock;

  public Authenticator(SecuritySettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    for (AccessKey key : settings.credentials()) {
      keys.put(key.accessKeyId(), key);
    }
    // the AWS SDK's signer is loaded only when signatures are verified
    this.verifier = settings.verifySignatures() ? new SigV4Verifier(keys, clock) : null;
  }

  /** Makes one more key known; the same id twice must be the same key. */
  public void addKey(AccessKey key) {
    AccessKey before = keys.putIfAbsent(key.accessKeyId(), key);
    if (before != null && !before.equals(key)) {
      throw new IllegalArgumentException(
          "Access key " + key.accessKeyId() + " is already configured differently");
    }
  }

  /**
   * Makes a temporary key known until {@code expiration}; after it, requests signed with it are
   * refused.
   */
  public void addTemporaryKey(AccessKey key, java.time.Instant expiration) {
    expirations.put(key.accessKeyId(), expiration);
    keys.put(key.accessKeyId(), key);
  }

  /** H47 (inferred): 403 ExpiredTokenException for a temporary key past its expiration. */
  private AccessKey unexpired(AccessKey key) {
    java.time.Instant expiration = key == null ? null : expirations.get(key.accessKeyId());
    if (expiration != null && !clock.instant().isBefore(expiration)) {
      throw AuthErrors.expiredToken();
    }
    return key;
  }

  public SecuritySettings settings() {
    return settings;
  }

  /**
   * With signature verification on, the key whose signature the request carries, or a
   * MissingAuthenticationToken, IncompleteSignature, InvalidSignatureException, RequestExpired or
   * UnrecognizedClientException error. With it off, the configured key the Authorization header
   * names (taken on trust), or null when it names none.
   */
  public AccessKey authenticate(SignedRequest request) {
    return authenticate(SigV4Verifier.SERVICE, request);
  }

  /** {@link #authenticate} for a request signed for {@code service} (its SigV4 scope). */
  public AccessKey authenticate(String service, SignedRequest request) {
    if (settings.verifySignatures()) {
      return unexpired(verifier.verify(service, request));
    }
    if (keys.isEmpty()) {
      return null;
    }
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return null;
    }
    try {
      return unexpired(keys.get(AuthorizationHeader.parse(authorization).accessKeyId()));
    } catch (ServiceException e) {
      if (AuthErrors.EXPIRED_TOKEN.equals(e.errorType())) {
        throw e;
      }
      return null;
    }
  }

  /**
   * Refuses the call when credential classes are enforced and the caller may not make it (SEMANTICS
   * A7): 403 NotAuthorizedException for the wrong class, 403 AccessDeniedException for another
   * identity's data.
   *
   * @param kind the caller's credential class
   * @param key the key from {@link #authenticate}, or null
   * @param call the operation and the names it reaches
   * @param accountId the mock's account, which owns the pools and roles
   */
  public void authorize(CallScope call, Caller.Kind kind, AccessKey key, String accountId) {
    if (settings.enforceCredentialClasses()) {
      CredentialClasses.check(call, kind, key, accountId);
    }
  }
}
