package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.StubMappingTransformer;
import com.github.tomakehurst.wiremock.matching.ContentPattern;
import com.github.tomakehurst.wiremock.matching.EqualToJsonPattern;
import com.github.tomakehurst.wiremock.matching.MultiValuePattern;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.recording.RecordSpecBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.cognitosyncmock.json.Json;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recording a real Cognito Sync endpoint (or anything that speaks its API) with WireMock's own
 * recorder, so that the mappings replay for another run of the same client:
 *
 * <ul>
 *   <li>no request header is captured, so SigV4 headers ({@code Authorization}, {@code X-Amz-Date},
 *       {@code X-Amz-Security-Token}, {@code amz-sdk-*}) never take part in matching;
 *   <li>this transformer ({@value #NAME}) makes request bodies match as JSON with the values that
 *       change from run to run ignored: {@code SyncSessionToken} and every {@code
 *       DeviceLastModifiedDate}; and drops the {@code syncSessionToken} query parameter (iOS sends
 *       the previous token to ListRecords);
 *   <li>repeated identical requests become WireMock scenario states, so a ListRecords before and
 *       after a write answer as they did.
 * </ul>
 *
 * Start it with {@link #spec(String)} ({@code server.wireMock().startRecording(spec(url))}), the
 * standalone server's {@code --record-from URL}, or WireMock's own {@code POST
 * /__admin/recordings/start} with {@code "transformers": ["cognito-sync-recording"]}.
 */
public final class CognitoSyncRecording extends StubMappingTransformer {
  /** The transformer's name, as WireMock's recording API takes it in {@code "transformers"}. */
  public static final String NAME = "cognito-sync-recording";

  static final String IGNORE = "${json-unit.ignore}";
  private static final Set<String> VOLATILE_QUERY = Set.of("syncSessionToken");

  /**
   * What to record: JSON bodies, no headers, this transformer.
   *
   * @param targetBaseUrl the endpoint to proxy to, e.g. {@code
   *     https://cognito-sync.us-east-1.amazonaws.com}
   * @return the specification, for {@code WireMockServer.startRecording}
   */
  public static RecordSpecBuilder spec(String targetBaseUrl) {
    return new RecordSpecBuilder()
        .forTarget(targetBaseUrl)
        .matchRequestBodyWithEqualToJson(true, false)
        .makeStubsPersistent(true)
        .transformers(NAME);
  }

  /** Only recordings made with {@link #spec} pass through it, never stubs made by hand. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public StubMapping transform(StubMapping stub, FileSource files, Parameters parameters) {
    RequestPattern request = stub.getRequest();
    RequestPatternBuilder b =
        new RequestPatternBuilder(request.getMethod(), request.getUrlMatcher());
    Map<String, MultiValuePattern> query = request.getQueryParameters();
    if (query != null) {
      query.forEach(
          (name, pattern) -> {
            if (!VOLATILE_QUERY.contains(name)) {
              b.withQueryParam(name, pattern);
            }
          });
    }
    if (request.getHeaders() != null) {
      request.getHeaders().forEach(b::withHeader);
    }
    if (request.getBodyPatterns() != null) {
      for (ContentPattern<?> body : request.getBodyPatterns()) {
        b.withRequestBody(body instanceof EqualToJsonPattern json ? loosen(json) : body);
      }
    }
    return StubMappingEdits.withRequest(stub, b.build());
  }

  private static ContentPattern<?> loosen(EqualToJsonPattern pattern) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(pattern.getExpected());
    } catch (JacksonException e) {
      return pattern;
    }
    if (!(body instanceof ObjectNode object)) {
      return pattern;
    }
    if (object.has("SyncSessionToken")) {
      object.put("SyncSessionToken", IGNORE);
    }
    JsonNode patches = object.get("RecordPatches");
    if (patches != null && patches.isArray()) {
      for (JsonNode patch : patches) {
        if (patch instanceof ObjectNode p && p.has("DeviceLastModifiedDate")) {
          p.put("DeviceLastModifiedDate", IGNORE);
        }
      }
    }
    return new EqualToJsonPattern(
        Json.MAPPER.writeValueAsString(object),
        pattern.isIgnoreArrayOrder(),
        pattern.isIgnoreExtraElements());
  }
}
