package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a stub's request from the stateful mock. Applied only where a stub names it (the
 * catch-all stub does), so a user's own stubs answer as they always did.
 */
public final class CognitoSyncResponder implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "cognito-sync";

  private final CognitoSyncService service;

  public CognitoSyncResponder(CognitoSyncService service) {
    this.service = service;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return toWireMock(service.handle(fromWireMock(serveEvent.getRequest())));
  }

  static ProtocolRequest fromWireMock(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      headers.put(h.key(), h.firstValue());
    }
    return new ProtocolRequest(request.getMethod().getName(), request.getUrl(), headers,
        request.getBody());
  }

  static ResponseDefinition toWireMock(ProtocolResponse response) {
    List<HttpHeader> headers = new ArrayList<>();
    response.headers().forEach((k, v) -> headers.add(new HttpHeader(k, v)));
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(response.status())
        .withHeaders(new HttpHeaders(headers))
        .withBody(response.body())
        .build();
  }
}
