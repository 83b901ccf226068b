package dev.cognitosyncmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an injected {@code CognitoSyncClient} or {@code CognitoSyncAsyncClient}: the client acts for
 * this Cognito identity with temporary identity credentials (a key the mock knows, with a session
 * token), instead of developer credentials. With credential classes enforced it may call only the
 * identity's own data and the identity-only operations (SEMANTICS A7), and its writes carry the
 * identity id as LastModifiedBy (C5).
 *
 * <pre>{@code
 * @Test void phoneSyncs(@IdentityCredentials("us-east-1:aaaa...") CognitoSyncClient phone) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface IdentityCredentials {
  /**
   * The identity id the credentials belong to.
   *
   * @return an identity id, e.g. {@code us-east-1:1b2c...}
   */
  String value();
}
