package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.cognitosyncmock.CognitoSyncService;
import java.util.List;

/**
 * Plugs the mock into WireMock: the responder, the catch-all stub and the admin routes, all
 * sharing one {@link CognitoSyncService}. The no-argument constructor serves WireMock's
 * standalone runner ({@code --extensions dev.cognitosyncmock.wiremock.CognitoSyncExtensions})
 * and service loading.
 */
public final class CognitoSyncExtensions implements ExtensionFactory {
  private final CognitoSyncService service;

  public CognitoSyncExtensions() {
    this(CognitoSyncService.createDefault());
  }

  public CognitoSyncExtensions(CognitoSyncService service) {
    this.service = service;
  }

  public CognitoSyncService service() {
    return service;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    return List.of(new CognitoSyncResponder(service), new CognitoSyncStubs(),
        new CognitoSyncAdminRoutes(service.admin()));
  }
}
