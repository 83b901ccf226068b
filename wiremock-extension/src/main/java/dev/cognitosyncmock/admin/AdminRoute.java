package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.uri.PercentDecoding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One admin route: an HTTP method, a path template below {@code /__admin} with {@code {name}}
 * segments (e.g. {@code /cognito-sync/faults/{id}}), and what answers it.
 */
public record AdminRoute(String method, String template, Handler handler) {

  /**
   * Answers a request the route matched; may throw the errors {@link AdminApi} maps. Null passes
   * the request on to the next route that matches (a service adding to a built-in route).
   */
  @FunctionalInterface
  public interface Handler {
    ProtocolResponse handle(AdminRequest request);
  }

  public static AdminRoute get(String template, Handler handler) {
    return new AdminRoute("GET", template, handler);
  }

  public static AdminRoute post(String template, Handler handler) {
    return new AdminRoute("POST", template, handler);
  }

  public static AdminRoute put(String template, Handler handler) {
    return new AdminRoute("PUT", template, handler);
  }

  public static AdminRoute delete(String template, Handler handler) {
    return new AdminRoute("DELETE", template, handler);
  }

  /** The template's {@code {name}} segments bound to the path's, or null when it does not fit. */
  Map<String, String> bind(String path) {
    String[] want = template.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        params.put(
            want[i].substring(1, want[i].length() - 1), PercentDecoding.decode(got[i], false));
      } else if (!want[i].equals(got[i])) {
        return null;
      }
    }
    return params;
  }
}
