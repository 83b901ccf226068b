package dev.cognitosyncmock.doctests;

import dev.cognitosyncmock.wiremock.CognitoSyncServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code post=PATH}: a JSON block (a state document, a fault rule, a WireMock stub) is POSTed to
 * PATH of a mock started for it, which must accept it with a 2xx answer.
 */
final class PostBlockRunner {
  private PostBlockRunner() {}

  static void run(CodeBlock block) throws Exception {
    String path =
        block
            .option("post")
            .filter(p -> p.startsWith("/"))
            .orElseThrow(
                () ->
                    new AssertionError(
                        block.location()
                            + ": post= needs a path such as "
                            + "/__admin/cognito-sync/state"));
    try (CognitoSyncServer server = CognitoSyncServer.builder().build().start()) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.endpoint().resolve(path))
                      .POST(HttpRequest.BodyPublishers.ofString(block.body()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new AssertionError(
            block.location()
                + ": POST "
                + path
                + " answered "
                + answer.statusCode()
                + ": "
                + answer.body());
      }
    }
  }
}
