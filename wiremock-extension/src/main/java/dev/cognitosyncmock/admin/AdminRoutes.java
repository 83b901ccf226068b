package dev.cognitosyncmock.admin;

import java.util.List;

/**
 * More routes below {@code /__admin/cognito-sync/}, added to the {@link AdminApi} (fault rules,
 * recordings, scenarios).
 */
@FunctionalInterface
public interface AdminRoutes {
  List<AdminRoute> routes();
}
