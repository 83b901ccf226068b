package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WireMock's request and response types to the protocol's, and back. */
final class WireMockTranslation {
  private WireMockTranslation() {
  }

  static ProtocolRequest request(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.firstValue());
    }
    return new ProtocolRequest(request.getMethod().getName(), request.getUrl(), headers,
        request.getBody());
  }

  static ResponseDefinition response(ProtocolResponse response, List<String> transformers) {
    List<HttpHeader> headers = new ArrayList<>();
    response.headers().forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder()
        .withStatus(response.status())
        .withHeaders(new HttpHeaders(headers))
        .withBody(response.body())
        .withTransformers(transformers.toArray(String[]::new));
    if (response.delay() != null && !response.delay().isZero()) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, response.delay().toMillis()));
    }
    if (response.connectionFault() != null) {
      builder.withFault(Fault.valueOf(response.connectionFault().name()));
    }
    return builder.build();
  }
}
