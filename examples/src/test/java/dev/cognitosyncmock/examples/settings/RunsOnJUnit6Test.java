package dev.cognitosyncmock.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples run on JUnit 6 (see examples/pom.xml) while the JUnit extension's own tests run on
 * JUnit 5: together the default build shows the extension working on both. This fails if the
 * version override stops applying.
 */
class RunsOnJUnit6Test {
  @Test
  void theExamplesRunOnJUnit6() {
    String version = Test.class.getPackage().getImplementationVersion();
    assertThat(version).as("junit-jupiter-api version").startsWith("6.");
  }
}
