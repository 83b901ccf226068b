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
  private WireMockTranslation() {}

  static ProtocolRequest request(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      // a repeated header reads as one comma-joined value, as SigV4 canonicalizes it
      headers.put(h.key(), String.join(",", h.values()));
    }
    if (!request.containsHeader("Host")) {
      // HTTP/2 (h2c, as Java's HttpClient upgrades to) carries the authority, not a Host header;
      // SigV4 signs it as host
      String absolute = request.getAbsoluteUrl();
      int start = absolute.indexOf("://");
      if (start >= 0) {
        int end = absolute.indexOf('/', start + 3);
        headers.put("Host", absolute.substring(start + 3, end < 0 ? absolute.length() : end));
      }
    }
    return new ProtocolRequest(
        request.getMethod().getName(), request.getUrl(), headers, request.getBody());
  }

  static ResponseDefinition response(ProtocolResponse response, List<String> transformers) {
    List<HttpHeader> headers = new ArrayList<>();
    response.headers().forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder()
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
