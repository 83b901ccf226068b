package dev.cognitosyncmock.wiremock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin token: when one is set, every admin route (the mock's {@code /__admin/cognito-sync/}
 * and WireMock's own {@code /__admin/}) requires {@code Authorization: Bearer <token>}, except
 * {@code /__admin/health}, left open for container health checks. Anything else is answered 401
 * with {@code WWW-Authenticate: Bearer}.
 */
final class AdminTokenCheck {
  static final String HEALTH = "/__admin/health";

  private final Supplier<Optional<String>> token;

  AdminTokenCheck(Supplier<Optional<String>> token) {
    this.token = token;
  }

  RequestFilterAction filter(Request request) {
    Optional<String> required = token.get();
    if (required.isEmpty() || isHealth(request.getUrl())) {
      return RequestFilterAction.continueWith(request);
    }
    HttpHeader authorization = request.header("Authorization");
    String presented = authorization.isPresent() ? authorization.firstValue() : null;
    if (presented != null
        && MessageDigest.isEqual(
            ("Bearer " + required.get()).getBytes(StandardCharsets.UTF_8),
            presented.strip().getBytes(StandardCharsets.UTF_8))) {
      return RequestFilterAction.continueWith(request);
    }
    return RequestFilterAction.stopWith(
        unauthorized(
            presented == null
                ? "The admin API requires Authorization: Bearer <admin token>"
                : "The admin token is not valid"));
  }

  private static boolean isHealth(String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    return path.equals(HEALTH)
        || path.equals(HEALTH + "/")
        || path.equals("/health")
        || path.equals("/health/");
  }

  private static ResponseDefinition unauthorized(String message) {
    return WireMockTranslation.response(
        ProtocolResponse.message(401, message)
            .withHeader("WWW-Authenticate", "Bearer realm=\"cognito-sync-mock admin\""),
        List.of());
  }
}
