package dev.cognitosyncmock.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One identity pool's mutable state; guarded by the engine's lock. */
final class IdentityPoolState {
  PoolConfig config;
  final Instant created;
  Map<String, String> roles = new LinkedHashMap<>();
  Map<String, RoleMapping> roleMappings = new LinkedHashMap<>();
  final Map<String, PrincipalTags> principalTags = new LinkedHashMap<>();

  /** Identities in creation order (H34). */
  final Map<String, IdentityState> identities = new LinkedHashMap<>();

  /** provider + "\n" + user key -> owning identity (H25). */
  final Map<String, String> owners = new LinkedHashMap<>();

  IdentityPoolState(PoolConfig config, Instant created) {
    this.config = config;
    this.created = created;
  }

  static String ownerKey(String provider, String userKey) {
    return provider + "\n" + userKey;
  }

  /** H20: one identity. */
  static final class IdentityState {
    final String id;
    final Instant creationDate;
    Instant lastModifiedDate;

    /**
     * provider -> user key; the developer provider keeps its user ids in {@link #developerUserIds}.
     */
    final Map<String, String> logins = new LinkedHashMap<>();

    final List<String> developerUserIds = new ArrayList<>();
    boolean disabled;

    IdentityState(String id, Instant created) {
      this.id = id;
      this.creationDate = created;
      this.lastModifiedDate = created;
    }

    boolean authenticated() {
      return !logins.isEmpty() || !developerUserIds.isEmpty();
    }

    int linkCount() {
      return logins.size() + developerUserIds.size();
    }
  }
}
