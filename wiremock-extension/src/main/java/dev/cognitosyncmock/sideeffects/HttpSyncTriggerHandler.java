package dev.cognitosyncmock.sideeffects;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncTriggerEvent;
import dev.cognitosyncmock.engine.SyncTriggerHandler;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A SyncTrigger "Lambda" reached over HTTP: POSTs the documented event JSON to the URL and reads
 * the modified event from the 2xx response. A 429 answers LambdaThrottledException; any other
 * status, a body that is not the event, or a member the event does not have answers
 * InvalidLambdaFunctionOutputException. The engine enforces the timeout.
 */
public final class HttpSyncTriggerHandler implements SyncTriggerHandler {
  private static final Set<String> EVENT_MEMBERS =
      Set.of(
          "version",
          "eventType",
          "region",
          "identityPoolId",
          "identityId",
          "datasetName",
          "datasetRecords");

  private final OutboundHttp http;
  private final URI url;

  public HttpSyncTriggerHandler(OutboundHttp http, String url) {
    this.http = http;
    this.url = URI.create(url);
  }

  @Override
  public SyncTriggerEvent handle(SyncTriggerEvent event) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(event)))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw invalid("SyncTrigger URL " + url + " could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw invalid("Interrupted while calling SyncTrigger URL " + url);
    }
    if (response.statusCode() == 429) {
      throw SyncTriggerHandler.throttled("SyncTrigger URL " + url + " is throttled");
    }
    if (response.statusCode() / 100 != 2) {
      throw invalid("SyncTrigger URL " + url + " answered " + response.statusCode());
    }
    try {
      JsonNode out = Json.MAPPER.readTree(response.body());
      if (out == null || !out.isObject()) {
        throw invalid("SyncTrigger output is not a JSON object");
      }
      for (String name : out.propertyNames()) {
        if (!EVENT_MEMBERS.contains(name)) {
          throw invalid("SyncTrigger output has a member the event does not have: " + name);
        }
      }
      return Json.MAPPER.treeToValue(out, SyncTriggerEvent.class);
    } catch (JacksonException e) {
      throw invalid("SyncTrigger output is not the event: " + JsonProblem.describe(e));
    }
  }

  private static ServiceException invalid(String message) {
    return new ServiceException(ErrorShape.InvalidLambdaFunctionOutputException, message);
  }
}
