package dev.cognitosyncmock.junit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The opt-in mode that points clients the code under test builds itself at the mock, as WireMock's
 * {@code proxyMode} does for HTTP proxies: the AWS SDK v2's own endpoint setting, the {@code
 * aws.endpointUrlCognitoSync} system property, and region and credentials when the JVM has none.
 * System properties are JVM-wide, so one mock at a time may hold them: the mode refuses to start
 * where test classes run in parallel (unless the class is {@link Isolated}), and refuses a second
 * holder outright, rather than let two mocks race.
 */
final class SdkEndpointProperties {
  static final String ENDPOINT = "aws.endpointUrlCognitoSync";
  static final String REGION = "aws.region";
  static final String ACCESS_KEY = "aws.accessKeyId";
  static final String SECRET_KEY = "aws.secretAccessKey";

  private static RunningMock holder;
  private static String holderName;

  /** The values the properties had before, null for unset; put back on release. */
  private static Map<String, String> previous;

  private SdkEndpointProperties() {}

  /** Refuses the mode where this class (or, with a mock per test, its tests) run in parallel. */
  static void refuseParallel(ExtensionContext context, boolean mockPerTest) {
    Class<?> testClass = context.getRequiredTestClass();
    if (!flag(context, "junit.jupiter.execution.parallel.enabled")) {
      return;
    }
    String methods =
        mode(context, "junit.jupiter.execution.parallel.mode.default").orElse("same_thread");
    String classes =
        mode(context, "junit.jupiter.execution.parallel.mode.classes.default").orElse(methods);
    Optional<ExecutionMode> declared =
        AnnotationSupport.findAnnotation(testClass, Execution.class).map(Execution::value);
    boolean concurrentClasses =
        declared.map(m -> m == ExecutionMode.CONCURRENT).orElse(classes.equals("concurrent"))
            && !AnnotationSupport.isAnnotated(testClass, Isolated.class);
    boolean concurrentTests =
        mockPerTest
            && declared
                .map(m -> m == ExecutionMode.CONCURRENT)
                .orElse(methods.equals("concurrent"));
    if (concurrentClasses || concurrentTests) {
      throw new ExtensionConfigurationException(
          "sdkEndpointProperties sets JVM-wide system"
              + " properties ("
              + ENDPOINT
              + "), but "
              + testClass.getName()
              + " runs in parallel with"
              + (concurrentClasses
                  ? " other test classes"
                  : " its own tests, each with its own mock")
              + " (junit.jupiter.execution.parallel.enabled=true), so two mocks would race for them."
              + " Annotate the class @org.junit.jupiter.api.parallel.Isolated, run it without"
              + " parallelism, or hand the code under test the injected client or endpoint instead");
    }
  }

  /** Points the SDK's default endpoint at {@code mock}, until {@link #release}. */
  static synchronized void claim(RunningMock mock, String owner) {
    if (holder != null) {
      throw new ExtensionConfigurationException(
          "sdkEndpointProperties: "
              + owner
              + " cannot point "
              + ENDPOINT
              + " at its mock while the mock of "
              + holderName
              + " holds it (system properties are JVM-wide; run these classes one at a time)");
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ENDPOINT, mock.server().endpoint().toString());
    if (absent(REGION, "AWS_REGION")) {
      values.put(REGION, "us-east-1");
    }
    if (absent(ACCESS_KEY, "AWS_ACCESS_KEY_ID") && absent(SECRET_KEY, "AWS_SECRET_ACCESS_KEY")) {
      values.put(ACCESS_KEY, RunningMock.DEVELOPER_KEY.accessKeyId());
      values.put(SECRET_KEY, RunningMock.DEVELOPER_KEY.secretAccessKey());
    }
    previous = new LinkedHashMap<>();
    values.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    holder = mock;
    holderName = owner;
  }

  /** Puts back what {@link #claim} changed, if {@code mock} holds the properties. */
  static synchronized void release(RunningMock mock) {
    if (holder != mock) {
      return;
    }
    previous.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
    holder = null;
    holderName = null;
    previous = null;
  }

  private static boolean absent(String property, String variable) {
    return System.getProperty(property) == null && System.getenv(variable) == null;
  }

  private static boolean flag(ExtensionContext context, String key) {
    return context
        .getConfigurationParameter(key)
        .map(v -> Boolean.parseBoolean(v.trim()))
        .orElse(false);
  }

  private static Optional<String> mode(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(v -> v.trim().toLowerCase(Locale.ROOT));
  }
}
