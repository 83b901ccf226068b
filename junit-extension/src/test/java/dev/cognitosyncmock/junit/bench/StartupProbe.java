package dev.cognitosyncmock.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One fork: runs one subject class through the JUnit launcher and prints the nanoseconds from the
 * class starting (the launcher's executionStarted for it) to its first answered request.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    Class<?> subject = Class.forName(args[0]);
    Launcher launcher = LauncherFactory.create();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(subject)).build();
    boolean[] failed = {false};
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
              StartupTiming.classStarted = System.nanoTime();
            }
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failed[0] = true;
              result.getThrowable().ifPresent(Throwable::printStackTrace);
            }
          }
        });
    if (failed[0] || StartupTiming.firstAnswer == 0) {
      System.exit(1);
    }
    System.out.println(StartupTiming.firstAnswer - StartupTiming.classStarted);
  }
}
