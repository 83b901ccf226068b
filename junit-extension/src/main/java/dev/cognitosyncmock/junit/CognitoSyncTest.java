package dev.cognitosyncmock.junit;

import dev.cognitosyncmock.engine.MutableClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own in-process Cognito Sync mock, started on a free port before
 * the class and stopped after it. Every option of {@code CognitoSyncOptions} can be given, as
 * {@link #options()}. For what has no text form (quotas, WireMock options, a custom clock or id
 * source) register the extension with {@link CognitoSyncExtension#newInstance()} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CognitoSyncExtension.class)
public @interface CognitoSyncTest {

  /**
   * The port to listen on; 0 (the default) picks a free one, which parallel classes need.
   *
   * @return the port, 0 for a free one
   */
  int port() default 0;

  /**
   * Unknown identity pools answer 404 until created (default: registered on first use).
   *
   * @return whether unknown pools answer 404
   */
  boolean strictPools() default false;

  /**
   * How long a SyncSessionToken stays valid, ISO-8601 ({@code PT5M}); empty for one hour.
   *
   * @return an ISO-8601 duration, or empty for one hour
   */
  String tokenExpiry() default "";

  /**
   * Start of a {@link MutableClock}, ISO-8601 ({@code 2024-01-01T00:00:00Z}), that the handle can
   * advance and that rewinds on reset; empty for the system clock.
   *
   * @return an ISO-8601 instant, or empty for the system clock
   */
  String clockStart() default "";

  /**
   * Ids (session ids, device ids) counting up from 1, restarting on every reset.
   *
   * @return whether ids count up from 1; default false, random ids
   */
  boolean sequentialIds() default false;

  /**
   * Starting state, a JSON document in the admin export format: a classpath resource name ({@code
   * seed.json} or {@code classpath:seed.json}) or {@code file:path/to/seed.json}.
   *
   * @return where the seed document is, or empty for an empty mock
   */
  String seed() default "";

  /**
   * When state goes back to its starting point.
   *
   * @return the reset policy; default {@link ResetPolicy#PER_TEST}
   */
  ResetPolicy reset() default ResetPolicy.PER_TEST;

  /**
   * The account id that developer calls act as (LastModifiedBy).
   *
   * @return the account id; default {@code 123456789012}
   */
  String accountId() default "123456789012";

  /**
   * Log every request WireMock serves.
   *
   * @return whether requests are logged
   */
  boolean verbose() default false;

  /**
   * Check every request's SigV4 signature; the injected clients sign with keys the mock knows.
   *
   * @return whether signatures are checked
   */
  boolean verifySignatures() default false;

  /**
   * Refuse calls the caller's credential class may not make (SEMANTICS A7): inject clients for an
   * identity with {@link IdentityCredentials}.
   *
   * @return whether credential classes are enforced
   */
  boolean enforceCredentialClasses() default false;

  /**
   * Any other option, written as the standalone server's flag: {@code "--flag=value"}, or {@code
   * "--flag"} for true. E.g. {@code options = {"--persistence-dir=target/state",
   * "--admin-token=secret", "--fault-file=src/test/resources/faults.json"}}. Every option of {@code
   * CognitoSyncOptions} is accepted; a bad one fails the class with its name.
   *
   * @return the options as flags; default none
   */
  String[] options() default {};

  /**
   * Point AWS SDK v2 clients that the code under test builds itself at the mock, through the SDK's
   * {@code aws.endpointUrlCognitoSync} system property (JVM-wide: refused where classes run in
   * parallel unless the class is {@code @Isolated}). See {@link
   * CognitoSyncExtension.Builder#sdkEndpointProperties(boolean)}.
   *
   * @return whether the system property is set while the class runs
   */
  boolean sdkEndpointProperties() default false;
}
