package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cognitosyncmock.engine.SyncEngine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;
import software.amazon.awssdk.http.SdkHttpClient;

/** Asking for something the extension cannot provide fails with what it can provide. */
class HelpfulFailureTest {

  /** Run only through the launcher below (surefire skips nested classes). */
  @CognitoSyncTest
  static class AsksForTheEngine {
    @Test
    void wantsTheEngine(SyncEngine engine) {}
  }

  @CognitoSyncTest
  static class AsksForAnSdkHttpClient {
    @Test
    void wantsAnHttpClient(@CognitoSyncInject SdkHttpClient http) {}
  }

  /** Not the mock's type and no qualifier: left to other extensions, so JUnit's own message. */
  @CognitoSyncTest
  static class AsksForAnUnqualifiedSdkHttpClient {
    @Test
    void wantsAnHttpClient(SdkHttpClient http) {}
  }

  @CognitoSyncTest
  static class InjectsAFinalField {
    @CognitoSyncInject final CognitoSyncMock mock = null;

    @Test
    void test() {}
  }

  @Test
  void unsupportedParameterTypeNamesWhatIsProvided() {
    Throwable failure = onlyFailure(AsksForTheEngine.class);
    assertThat(failure)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("SyncEngine is not something the mock provides")
        .hasMessageContaining("CognitoSyncClient and CognitoSyncAsyncClient")
        .hasMessageContaining("java.net.URI")
        .hasMessageContaining("CognitoSyncMock");
  }

  @Test
  void unqualifiedSharedTypesAreLeftToOtherResolvers() {
    assertThat(onlyFailure(AsksForAnUnqualifiedSdkHttpClient.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("No ParameterResolver registered");
  }

  @Test
  void qualifiedSdkTypesTheMockLacksExplainWhatItProvides() {
    assertThat(onlyFailure(AsksForAnSdkHttpClient.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("SdkHttpClient is not something the mock provides")
        .hasMessageContaining("CognitoSyncExtension provides:");
  }

  @Test
  void aFinalInjectedFieldIsAConfigurationError() {
    assertThat(onlyFailure(InjectsAFinalField.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("is final");
  }

  private static Throwable onlyFailure(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        listener);
    List<Failure> failures = listener.getSummary().getFailures();
    assertThat(failures).hasSize(1);
    return failures.get(0).getException();
  }
}
