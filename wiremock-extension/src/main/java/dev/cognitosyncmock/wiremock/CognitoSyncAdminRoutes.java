package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitosyncmock.admin.AdminApi;
import java.util.List;

/**
 * Routes {@code /__admin/cognito-sync/...} to the mock's {@link AdminApi}, which dispatches on the
 * whole path. WireMock finds a route's path template by the task's class, so each template depth
 * gets a class of its own.
 */
final class CognitoSyncAdminRoutes {
  private static final List<RequestMethod> METHODS =
      List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);

  private final AdminApi admin;

  CognitoSyncAdminRoutes(AdminApi admin) {
    this.admin = admin;
  }

  void contributeAdminApiRoutes(Router router) {
    for (RequestMethod method : METHODS) {
      router.add(method, AdminApi.PREFIX + "/{a}", new OneSegment());
      router.add(method, AdminApi.PREFIX + "/{a}/{b}", new TwoSegments());
      router.add(method, AdminApi.PREFIX + "/{a}/{b}/{c}", new ThreeSegments());
    }
  }

  private ResponseDefinition serve(ServeEvent serveEvent) {
    var request = serveEvent.getRequest();
    String url = request.getUrl();
    // WireMock hands admin tasks the URL below /__admin
    String below = url.startsWith("/__admin") ? url.substring("/__admin".length()) : url;
    return WireMockTranslation.response(
        admin.handle(request.getMethod().getName(), below, request.getBody()), List.of());
  }

  private final class OneSegment implements AdminTask {
    @Override
    public ResponseDefinition execute(Admin wireMock, ServeEvent serveEvent, PathParams params) {
      return serve(serveEvent);
    }
  }

  private final class TwoSegments implements AdminTask {
    @Override
    public ResponseDefinition execute(Admin wireMock, ServeEvent serveEvent, PathParams params) {
      return serve(serveEvent);
    }
  }

  private final class ThreeSegments implements AdminTask {
    @Override
    public ResponseDefinition execute(Admin wireMock, ServeEvent serveEvent, PathParams params) {
      return serve(serveEvent);
    }
  }
}
