package dev.cognitosyncmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replays a scenario file (as a recording wrote it, with steps marked with faults) during the test:
 * step 1 is the test's first call after its {@code @BeforeEach} methods, and each marked step fails
 * as marked; every other call is answered by the stateful mock. On a class it applies to each test;
 * a method's own annotation wins. See docs/faults.md.
 *
 * <pre>{@code
 * @Test
 * @CognitoSyncScenario("scenarios/throttled-sync.json")
 * void survivesAThrottledSync(CognitoSyncClient client, CognitoSyncMock mock) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CognitoSyncScenario {
  /**
   * A classpath resource ({@code scenario.json} or {@code classpath:scenario.json}) or a file
   * ({@code file:path/to/scenario.json}).
   *
   * @return where the scenario is
   */
  String value();
}
