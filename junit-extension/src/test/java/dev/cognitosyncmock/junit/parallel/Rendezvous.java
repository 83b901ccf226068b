package dev.cognitosyncmock.junit.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where the two isolation classes meet: each waits until the other is running too, so the pair
 * passes only when the classes really do run at the same time, each with its own mock.
 */
final class Rendezvous {
  private static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);

  private Rendezvous() {}

  static void arriveAndWaitForTheOther() throws InterruptedException {
    BOTH_RUNNING.countDown();
    if (!BOTH_RUNNING.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError(
          "The other class did not run concurrently: is parallel class"
              + " execution enabled (junit.jupiter.execution.parallel.*)?");
    }
  }
}
