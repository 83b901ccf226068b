package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.cognitosyncmock.admin.AdminApi;
import java.util.Map;

/** Routes {@code /__admin/cognito-sync/...} to the mock's {@link AdminApi}. */
public final class CognitoSyncAdminRoutes implements AdminApiExtension {
  public static final String NAME = "cognito-sync-admin";

  private final AdminApi admin;

  public CognitoSyncAdminRoutes(AdminApi admin) {
    this.admin = admin;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    for (Map.Entry<String, String> route : AdminApi.ROUTES) {
      String method = route.getKey();
      String path = route.getValue();
      router.add(RequestMethod.fromString(method), path, (wireMockAdmin, serveEvent, params) ->
          CognitoSyncResponder.toWireMock(
              admin.handle(method, path, serveEvent.getRequest().getBody())));
    }
  }
}
