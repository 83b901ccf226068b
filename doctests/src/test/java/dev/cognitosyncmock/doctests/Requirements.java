package dev.cognitosyncmock.doctests;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * {@code needs=docker} and {@code needs=aws}: a block that needs a container engine or the AWS CLI
 * is skipped with a warning where there is none, except under CI=true, where that fails the build
 * (.ci/run provides both).
 */
final class Requirements {
  private Requirements() {}

  static void check(CodeBlock block) {
    for (String need : block.option("needs").map(n -> n.split(",")).orElse(new String[0])) {
      String missing =
          switch (need) {
            case "docker" ->
                DockerClientFactory.instance().isDockerAvailable()
                    ? null
                    : "no container engine answers (DOCKER_HOST="
                        + System.getenv("DOCKER_HOST")
                        + ")";
            case "aws" -> awsCliRuns() ? null : "the AWS CLI (aws) is not installed";
            default ->
                throw new AssertionError(
                    block.location() + ": unknown needs=" + need + " (docker or aws)");
          };
      if (missing == null) {
        continue;
      }
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(block.location() + ": CI=true, but " + missing);
      }
      System.err.println("WARNING: doc test " + block.location() + " skipped: " + missing);
      Assumptions.abort(block.location() + " skipped: " + missing);
    }
  }

  private static boolean awsCliRuns() {
    try {
      Process p =
          new ProcessBuilder("aws", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
