package dev.cognitosyncmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.cognitosyncmock.CognitoSyncService;
import dev.cognitosyncmock.faults.FaultAction;
import dev.cognitosyncmock.faults.FaultInjector;
import dev.cognitosyncmock.faults.InvalidFaultException;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mock inside WireMock, as one extension so that WireMock's standalone runner can load it by
 * name ({@code --extensions dev.cognitosyncmock.wiremock.CognitoSyncWireMockExtension}):
 *
 * <ul>
 *   <li>a catch-all stub of the lowest priority, reloaded on every reset, so that any stub a user
 *       adds wins and everything else reaches the mock;
 *   <li>a response-definition transformer that answers that stub from the stateful mock (it applies
 *       only where a stub names it);
 *   <li>a response transformer that drops WireMock's Matched-Stub headers, which the real service
 *       never sends;
 *   <li>the admin routes under {@code /__admin/cognito-sync/};
 *   <li>an admin request filter that requires the service's admin token, when one is set, on every
 *       admin route but health ({@link AdminTokenCheck}).
 * </ul>
 */
public final class CognitoSyncWireMockExtension
    implements ResponseDefinitionTransformerV2,
        ResponseTransformerV2,
        MappingsLoaderExtension,
        AdminApiExtension,
        AdminRequestFilterV2 {
  /** The extension's name, by which a stub names its response transformer. */
  public static final String NAME = "cognito-sync";

  /** WireMock: lower number, higher priority. Ours comes last. */
  public static final int CATCH_ALL_PRIORITY = Integer.MAX_VALUE;

  /** The catch-all stub's id, the same on every server, so that it can be found and replaced. */
  public static final UUID CATCH_ALL_STUB_ID =
      UUID.fromString("c0691705-5ac0-4000-8000-000000000001");

  private final CognitoSyncService service;
  private final CognitoSyncAdminRoutes adminRoutes;
  private final AdminTokenCheck adminToken;

  /** A mock with default settings: what WireMock's runner gets when it loads us by name. */
  public CognitoSyncWireMockExtension() {
    this(CognitoSyncService.createDefault());
  }

  /**
   * The extension serving a mock built in code.
   *
   * @param service the mock
   */
  public CognitoSyncWireMockExtension(CognitoSyncService service) {
    this.service = service;
    this.adminRoutes = new CognitoSyncAdminRoutes(service.admin());
    this.adminToken = new AdminTokenCheck(service::adminToken);
  }

  /** {@return the mock this extension serves} */
  public CognitoSyncService service() {
    return service;
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** {@return the catch-all stub; user stubs may also name {@link #NAME} as a transformer} */
  public static StubMapping catchAllStub() {
    return any(anyUrl())
        .withId(CATCH_ALL_STUB_ID)
        .withName("Amazon Cognito Sync (stateful mock)")
        .atPriority(CATCH_ALL_PRIORITY)
        .willReturn(aResponse().withTransformers(NAME))
        .build();
  }

  /** Serves only the stubs naming it: {@link #catchAllStub} and user stubs that ask for it. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    stubMappings.addMapping(catchAllStub());
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ProtocolRequest request = WireMockTranslation.request(serveEvent.getRequest());
    ProtocolResponse response;
    FaultAction forced;
    try {
      forced = StubFaults.action(serveEvent.getTransformerParameters());
    } catch (InvalidFaultException e) {
      return WireMockTranslation.response(StubFaults.misconfigured(e), List.of(NAME));
    }
    response =
        forced == null
            ? service.handle(request)
            : service.handle(request, FaultInjector.forcing(forced));
    // keep naming ourselves so that the response transformer below still applies
    return WireMockTranslation.response(response, List.of(NAME));
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    List<HttpHeader> kept = new ArrayList<>();
    for (HttpHeader h : response.getHeaders().all()) {
      if (!h.key().regionMatches(true, 0, "Matched-Stub-", 0, "Matched-Stub-".length())) {
        kept.add(h);
      }
    }
    return Response.Builder.like(response).but().headers(new HttpHeaders(kept)).build();
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    adminRoutes.contributeAdminApiRoutes(router);
  }

  /** Admin requests only: the admin token, when the service has one. */
  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    return adminToken.filter(request);
  }
}
