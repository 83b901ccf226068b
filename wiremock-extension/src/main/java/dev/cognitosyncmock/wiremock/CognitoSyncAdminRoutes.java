package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.cognitosyncmock.admin.AdminApi;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Routes {@code /__admin/cognito-sync/...} to the mock's {@link AdminApi}.
 *
 * <p>One template per method, {@code /cognito-sync/{action}}, not one per route: WireMock finds a
 * task's URI template by the task's class, and every task here is the same lambda class, so
 * distinct templates would be parsed against the wrong one ("is not a matching URL"). The
 * AdminApi answers 404 for an action it does not have.
 */
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
    Set<String> methods = new LinkedHashSet<>();
    for (Map.Entry<String, String> route : AdminApi.ROUTES) {
      methods.add(route.getKey());
    }
    for (String method : methods) {
      router.add(RequestMethod.fromString(method), AdminApi.PREFIX + "/{action}",
          (wireMockAdmin, serveEvent, params) -> CognitoSyncResponder.toWireMock(
              admin.handle(method, AdminApi.PREFIX + "/" + params.get("action"),
                  serveEvent.getRequest().getBody())));
    }
  }
}
