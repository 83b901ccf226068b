package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The opt-in mode for code under test that builds its own clients: the AWS SDK's {@code
 * aws.endpointUrlCognitoSync} system property points at the mock while it runs, and only one mock
 * at a time may hold it. The inner classes run through the launcher below, each with the
 * configuration it needs (surefire skips nested classes).
 */
class SdkEndpointPropertiesTest {
  static final AtomicReference<String> seenEndpoint = new AtomicReference<>();

  /** The application's own code: no endpoint, region or credentials in it. */
  static void applicationWrites(String key, String value) {
    try (CognitoSyncClient own = CognitoSyncClient.create()) {
      Sync.put(own, key, value);
    }
  }

  @CognitoSyncTest(sdkEndpointProperties = true)
  static class BuildsItsOwnClient {
    @Test
    void clientWithoutEndpointReachesTheMock(CognitoSyncMock mock) {
      seenEndpoint.set(System.getProperty("aws.endpointUrlCognitoSync"));
      applicationWrites("theme", "dark");
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("theme", "dark"));
    }
  }

  static class PerTestRegistration {
    @RegisterExtension
    CognitoSyncExtension mock =
        CognitoSyncExtension.newInstance().sdkEndpointProperties(true).build();

    @Test
    void first() {
      applicationWrites("k", "1");
      assertThat(mock.mock().values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "1"));
    }

    @Test
    void second() {
      applicationWrites("k", "2");
      assertThat(mock.mock().values(Sync.POOL, Sync.ID, Sync.DATASET)).isEqualTo(Map.of("k", "2"));
    }
  }

  @Isolated
  @CognitoSyncTest(sdkEndpointProperties = true)
  static class IsolatedClass {
    @Test
    void runsAlone(CognitoSyncMock mock) {
      applicationWrites("k", "isolated");
      assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).containsEntry("k", "isolated");
    }
  }

  @Test
  @DisplayName(
      "aws.endpointUrlCognitoSync points an SDK client built without endpoint at the mock, and is put back after")
  void propertyIsSetWhileTheMockRunsAndRestoredAfter() {
    System.setProperty("aws.endpointUrlCognitoSync", "http://before.invalid");
    try {
      TestExecutionSummary summary = run(BuildsItsOwnClient.class, Map.of());
      assertThat(summary.getFailures()).isEmpty();
      assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
      assertThat(seenEndpoint.get()).startsWith("http://localhost:");
      assertThat(System.getProperty("aws.endpointUrlCognitoSync"))
          .isEqualTo("http://before.invalid");
    } finally {
      System.clearProperty("aws.endpointUrlCognitoSync");
    }
    assertThat(System.getProperty("aws.region")).isNull();
    assertThat(System.getProperty("aws.accessKeyId")).isNull();
  }

  @Test
  @DisplayName("a mock per test hands the properties from one test's mock to the next")
  void perTestMocksTakeTurns() {
    TestExecutionSummary summary = run(PerTestRegistration.class, Map.of());
    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(System.getProperty("aws.endpointUrlCognitoSync")).isNull();
  }

  @Test
  @DisplayName("refused with a clear message where test classes run in parallel")
  void refusedWhereClassesRunInParallel() {
    TestExecutionSummary summary =
        run(
            BuildsItsOwnClient.class,
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"));
    List<TestExecutionSummary.Failure> failures = summary.getFailures();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getException())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("sdkEndpointProperties sets JVM-wide system properties")
        .hasMessageContaining("runs in parallel with other test classes")
        .hasMessageContaining("@org.junit.jupiter.api.parallel.Isolated");
    assertThat(System.getProperty("aws.endpointUrlCognitoSync")).isNull();
  }

  @Test
  @DisplayName("refused where a mock per test would run in parallel with the class's other tests")
  void refusedWhereTestsWithTheirOwnMockRunInParallel() {
    TestExecutionSummary summary =
        run(
            PerTestRegistration.class,
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "same_thread"));
    assertThat(summary.getFailures())
        .hasSize(2)
        .allSatisfy(
            f ->
                assertThat(f.getException())
                    .hasMessageContaining("runs in parallel with its own tests"));
  }

  @Test
  @DisplayName("an @Isolated class may use the mode while other classes run in parallel")
  void isolatedClassesAreAllowed() {
    TestExecutionSummary summary =
        run(
            IsolatedClass.class,
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent"));
    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a second mock cannot take the properties while the first holds them")
  void aSecondHolderIsRefused() {
    RunningMock first =
        RunningMock.start(
            CognitoSyncExtension.newInstance().options(), getClass().getClassLoader());
    try {
      SdkEndpointProperties.claim(first, "FirstClass");
      TestExecutionSummary summary = run(BuildsItsOwnClient.class, Map.of());
      assertThat(summary.getFailures())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.getException())
                      .isInstanceOf(ExtensionConfigurationException.class)
                      .hasMessageContaining("while the mock of FirstClass holds it"));
      assertThat(System.getProperty("aws.endpointUrlCognitoSync"))
          .isEqualTo(first.server().endpoint().toString());
    } finally {
      SdkEndpointProperties.release(first);
      first.stop();
    }
    assertThat(System.getProperty("aws.endpointUrlCognitoSync")).isNull();
  }

  private static TestExecutionSummary run(Class<?> testClass, Map<String, String> configuration) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .configurationParameters(configuration)
            .build(),
        listener);
    return listener.getSummary();
  }
}
