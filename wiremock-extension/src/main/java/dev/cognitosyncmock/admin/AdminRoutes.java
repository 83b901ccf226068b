package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.protocol.ProtocolResponse;

/**
 * More routes below {@code /__admin/cognito-sync/}, added to the {@link AdminApi} (fault rules,
 * recordings, scenarios). They do not change the mock's state, so answering them never triggers
 * a persistence snapshot.
 */
@FunctionalInterface
public interface AdminRoutes {
  /**
   * @param path the path below {@code /__admin}, e.g. {@code /cognito-sync/faults}, no query
   * @return the answer, or null when the route is not one of these
   */
  ProtocolResponse handle(String method, String path, byte[] body);
}
