package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Pins which JUnit the suite ran on, so the junit6 and junit510 profiles are seen to take effect
 * (surefire passes the expected version in).
 */
class JUnitVersionTest {
  @Test
  void runsOnTheExpectedJUnit() {
    String expected = System.getProperty("expected.junit.version");
    String actual = ExtensionContext.class.getPackage().getImplementationVersion();
    System.out.println("JUnit Jupiter API on the test classpath: " + actual);
    if (expected != null) {
      assertThat(actual).isEqualTo(expected);
    }
  }
}
