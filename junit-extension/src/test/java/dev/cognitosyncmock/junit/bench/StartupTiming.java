package dev.cognitosyncmock.junit.bench;

/** Two instants of one forked run: the test class starting, and its first request answered. */
final class StartupTiming {
  static volatile long classStarted;
  static volatile long firstAnswer;

  private StartupTiming() {}

  static void answered() {
    if (firstAnswer == 0) {
      firstAnswer = System.nanoTime();
    }
  }
}
