package dev.cognitosyncmock.identity;

import dev.cognitosyncmock.identity.IdentityPoolState.IdentityState;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity half of an exported state document: pools with their identities and links, the live
 * credentials and the OpenID signing key (so that tokens and keys stay valid after an import or a
 * restart).
 */
public record IdentityStateDocument(
    List<PoolDocument> pools, List<IssuedCredentials> credentials, String signingKey) {

  /** No pools, no credentials; imported, it keeps the signing key the mock has. */
  public static final IdentityStateDocument EMPTY =
      new IdentityStateDocument(List.of(), List.of(), null);

  public record PoolDocument(
      PoolConfig pool,
      Instant created,
      Map<String, String> roles,
      Map<String, RoleMapping> roleMappings,
      Map<String, PrincipalTags> principalTags,
      List<IdentityDocument> identities) {}

  public record IdentityDocument(
      String identityId,
      Instant creationDate,
      Instant lastModifiedDate,
      Map<String, String> logins,
      List<String> developerUserIds,
      boolean disabled) {}

  static IdentityStateDocument of(
      Collection<IdentityPoolState> pools, List<IssuedCredentials> credentials, String signingKey) {
    List<PoolDocument> docs =
        pools.stream()
            .map(
                p ->
                    new PoolDocument(
                        p.config,
                        p.created,
                        Map.copyOf(p.roles),
                        Map.copyOf(p.roleMappings),
                        Map.copyOf(p.principalTags),
                        p.identities.values().stream()
                            .map(
                                i ->
                                    new IdentityDocument(
                                        i.id,
                                        i.creationDate,
                                        i.lastModifiedDate,
                                        Map.copyOf(i.logins),
                                        List.copyOf(i.developerUserIds),
                                        i.disabled))
                            .toList()))
            .toList();
    return new IdentityStateDocument(docs, List.copyOf(credentials), signingKey);
  }

  /** No pools and no credentials: an export need not carry it (not a getter, so not a member). */
  public boolean holdsNothing() {
    return (pools == null || pools.isEmpty()) && credentialsOrEmpty().isEmpty();
  }

  /** Refuses, as {@link IllegalArgumentException}, a document that would not import. */
  public void requireRestorable() {
    restore();
  }

  List<IssuedCredentials> credentialsOrEmpty() {
    return credentials == null ? List.of() : credentials;
  }

  /** The pools of this document; refuses one that is not self-consistent. */
  Map<String, IdentityPoolState> restore() {
    Map<String, IdentityPoolState> restored = new LinkedHashMap<>();
    for (PoolDocument doc : pools == null ? List.<PoolDocument>of() : pools) {
      if (doc.pool() == null
          || doc.pool().identityPoolId() == null
          || doc.pool().identityPoolName() == null) {
        throw new IllegalArgumentException(
            "identity.pools[]: every pool needs pool.IdentityPoolId and pool.IdentityPoolName");
      }
      String poolId = doc.pool().identityPoolId();
      IdentityPoolState pool =
          new IdentityPoolState(doc.pool(), doc.created() == null ? Instant.EPOCH : doc.created());
      if (doc.roles() != null) {
        pool.roles.putAll(doc.roles());
      }
      if (doc.roleMappings() != null) {
        pool.roleMappings.putAll(doc.roleMappings());
      }
      if (doc.principalTags() != null) {
        pool.principalTags.putAll(doc.principalTags());
      }
      for (IdentityDocument i :
          doc.identities() == null ? List.<IdentityDocument>of() : doc.identities()) {
        if (i.identityId() == null) {
          throw new IllegalArgumentException(
              "identity.pools[" + poolId + "].identities[]: identityId is required");
        }
        Instant created = i.creationDate() == null ? pool.created : i.creationDate();
        IdentityState identity = new IdentityState(i.identityId(), created);
        identity.lastModifiedDate = i.lastModifiedDate() == null ? created : i.lastModifiedDate();
        identity.disabled = i.disabled();
        if (i.logins() != null) {
          i.logins()
              .forEach(
                  (p, k) -> {
                    identity.logins.put(p, k);
                    pool.owners.put(IdentityPoolState.ownerKey(p, k), identity.id);
                  });
        }
        if (i.developerUserIds() != null) {
          String developer = doc.pool().developerProviderName();
          if (developer == null && !i.developerUserIds().isEmpty()) {
            throw new IllegalArgumentException(
                "identity "
                    + i.identityId()
                    + " has developerUserIds but its pool has no DeveloperProviderName");
          }
          i.developerUserIds()
              .forEach(
                  u -> {
                    identity.developerUserIds.add(u);
                    pool.owners.put(IdentityPoolState.ownerKey(developer, u), identity.id);
                  });
        }
        pool.identities.put(identity.id, identity);
      }
      restored.put(poolId, pool);
    }
    return restored;
  }
}
