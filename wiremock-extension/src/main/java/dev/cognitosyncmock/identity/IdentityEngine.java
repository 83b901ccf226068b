package dev.cognitosyncmock.identity;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.identity.IdentityPoolState.IdentityState;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Cognito Identity rules (IDENTITY.md H1..H48) with no HTTP in sight: pools, identities,
 * logins, developer identities, merges, credentials and OpenID tokens. One lock guards it all:
 * identity calls are few and short, and merges span identities. Sync data follows through {@link
 * SyncDataHooks}; issued credentials go to the credential listeners (the key registry).
 */
public final class IdentityEngine {
  /** H43: the login key under which clients present the mock's own OpenID token. */
  public static final String COGNITO_LOGIN = "cognito-identity.amazonaws.com";

  private static final String COGNITO_LOGIN_CN = "cognito-identity.cn-north-1.amazonaws.com.cn";
  static final int MAX_POOLS = 1000;
  static final int MAX_LINKS = 20;
  static final long OPEN_ID_TOKEN_SECONDS = 600;
  static final long DEFAULT_DEVELOPER_TOKEN_SECONDS = 900;
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String SECRET_CHARS = ALNUM + "abcdefghijklmnopqrstuvwxyz+/";

  private final IdentitySettings settings;
  private final Clock clock;
  private final IdSource ids;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, IdentityPoolState> pools = new LinkedHashMap<>();
  private final Map<String, IssuedCredentials> credentials = new LinkedHashMap<>();
  private final List<Consumer<IssuedCredentials>> credentialListeners =
      new CopyOnWriteArrayList<>();
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private volatile SyncDataHooks hooks = SyncDataHooks.NONE;
  private OpenIdTokens tokens;

  public IdentityEngine(IdentitySettings settings, Clock clock, IdSource ids, OpenIdTokens tokens) {
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
    this.ids = Objects.requireNonNull(ids);
    this.tokens = Objects.requireNonNull(tokens);
  }

  public IdentitySettings settings() {
    return settings;
  }

  public synchronized OpenIdTokens openIdTokens() {
    return tokens;
  }

  public void setSyncDataHooks(SyncDataHooks hooks) {
    this.hooks = hooks == null ? SyncDataHooks.NONE : hooks;
  }

  /** Told of every credential issued, and of every one restored by import. */
  public void addCredentialListener(Consumer<IssuedCredentials> listener) {
    credentialListeners.add(listener);
  }

  /** Told after every change of identity state (persistence follows it). */
  public void addChangeListener(Runnable listener) {
    changeListeners.add(listener);
  }

  // ------------------------------------------------------------------ pools (H10..H19)

  public PoolConfig createIdentityPool(PoolConfig requested) {
    PoolConfig created;
    synchronized (this) {
      if (pools.size() >= MAX_POOLS) {
        throw IdentityErrors.limitExceeded(
            "An account holds at most " + MAX_POOLS + " identity pools (H19)");
      }
      checkProviders(requested);
      String id = settings.region() + ":" + ids.nextId();
      created = normalize(requested.withId(id));
      pools.put(id, new IdentityPoolState(created, clock.instant()));
    }
    hooks.poolCreated(created.identityPoolId());
    changed();
    return describeIdentityPool(created.identityPoolId());
  }

  public synchronized PoolConfig describeIdentityPool(String poolId) {
    return view(pool(poolId).config);
  }

  /** H13, H14: a whole replacement, DeveloperProviderName and absent tags excepted. */
  public PoolConfig updateIdentityPool(PoolConfig update) {
    synchronized (this) {
      IdentityPoolState pool = pool(update.identityPoolId());
      String developer = pool.config.developerProviderName();
      if (developer != null
          && update.developerProviderName() != null
          && !developer.equals(update.developerProviderName())) {
        throw IdentityErrors.invalidParameter(
            "The DeveloperProviderName of a pool cannot change once set"
                + " (it is '"
                + developer
                + "')");
      }
      checkProviders(update);
      PoolConfig next = normalize(update);
      if (update.developerProviderName() == null) {
        next = next.withDeveloperProviderName(developer);
      }
      if (update.identityPoolTags() == null) {
        next = next.withTags(tagsOf(pool.config));
      }
      pool.config = next;
    }
    changed();
    return describeIdentityPool(update.identityPoolId());
  }

  public void deleteIdentityPool(String poolId) {
    synchronized (this) {
      pool(poolId);
      pools.remove(poolId);
    }
    if (settings.deleteSyncData()) {
      hooks.poolDeleted(poolId);
    }
    changed();
  }

  /** H15: creation order, a NextToken while more remain. */
  public synchronized Page<PoolConfig> listIdentityPools(int maxResults, String nextToken) {
    List<PoolConfig> all = pools.values().stream().map(p -> p.config).toList();
    return Page.of(all, maxResults, nextToken, "pools");
  }

  public void setIdentityPoolRoles(
      String poolId, Map<String, String> roles, Map<String, RoleMapping> roleMappings) {
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      Map<String, RoleMapping> mappings = roleMappings == null ? Map.of() : roleMappings;
      Set<String> valid = roleMappingKeys(pool.config);
      for (Map.Entry<String, RoleMapping> e : mappings.entrySet()) {
        if (!valid.contains(e.getKey())) {
          throw IdentityErrors.invalidParameter(
              e.getKey()
                  + " is not a valid RoleMapping ProviderName or is not a configured provider.");
        }
        if ("Rules".equals(e.getValue().type())
            && (e.getValue().rulesConfiguration() == null
                || e.getValue().rulesConfiguration().rules() == null)) {
          throw IdentityErrors.invalidParameter(
              "RoleMapping " + e.getKey() + " is of Type Rules and needs a RulesConfiguration");
        }
      }
      // H16 (inferred): both maps are replaced on every call
      pool.roles = new LinkedHashMap<>(roles == null ? Map.of() : roles);
      pool.roleMappings = new LinkedHashMap<>(mappings);
    }
    changed();
  }

  public synchronized PoolRoles getIdentityPoolRoles(String poolId) {
    IdentityPoolState pool = pool(poolId);
    return new PoolRoles(poolId, Map.copyOf(pool.roles), Map.copyOf(pool.roleMappings));
  }

  /** H17 */
  public void tagResource(String arn, Map<String, String> tags) {
    synchronized (this) {
      IdentityPoolState pool = poolByArn(arn);
      Map<String, String> merged = new LinkedHashMap<>(tagsOf(pool.config));
      merged.putAll(tags);
      if (merged.size() > 50) {
        throw IdentityErrors.invalidParameter(
            "A pool holds at most 50 tags; this would make " + merged.size());
      }
      pool.config = pool.config.withTags(merged);
    }
    changed();
  }

  public void untagResource(String arn, Collection<String> keys) {
    synchronized (this) {
      IdentityPoolState pool = poolByArn(arn);
      Map<String, String> kept = new LinkedHashMap<>(tagsOf(pool.config));
      keys.forEach(kept::remove);
      pool.config = pool.config.withTags(kept);
    }
    changed();
  }

  public synchronized Map<String, String> listTagsForResource(String arn) {
    return tagsOf(poolByArn(arn).config);
  }

  /** The ARN of a pool (H17). */
  public String poolArn(String poolId) {
    return "arn:aws:cognito-identity:"
        + regionOf(poolId)
        + ":"
        + settings.accountId()
        + ":identitypool/"
        + poolId;
  }

  /** H18 */
  public PrincipalTags setPrincipalTagAttributeMap(
      String poolId, String provider, Boolean useDefaults, Map<String, String> tags) {
    PrincipalTags set;
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      set =
          new PrincipalTags(
              useDefaults == null || useDefaults, Map.copyOf(tags == null ? Map.of() : tags));
      pool.principalTags.put(provider, set);
    }
    changed();
    return set;
  }

  public synchronized PrincipalTags getPrincipalTagAttributeMap(String poolId, String provider) {
    return pool(poolId).principalTags.getOrDefault(provider, new PrincipalTags(true, Map.of()));
  }

  // ------------------------------------------------------------------ identities (H20..H34)

  /** H24, H25 */
  public String getId(String poolId, Map<String, String> logins) {
    String id;
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      Map<String, String> given = logins == null ? Map.of() : logins; // H9
      if (given.isEmpty()) {
        requireGuestsAllowed(pool);
        id = newIdentity(pool).id;
      } else {
        Map<String, String> keys = publicLogins(pool, given);
        Set<String> owners = owners(pool, keys);
        if (owners.isEmpty()) {
          IdentityState created = newIdentity(pool);
          link(pool, created, keys);
          id = created.id;
        } else {
          // H25: several owners merge, the oldest surviving
          IdentityState survivor =
              owners.stream()
                  .map(pool.identities::get)
                  .min(
                      java.util.Comparator.comparing((IdentityState i) -> i.creationDate)
                          .thenComparing(i -> i.id))
                  .orElseThrow();
          requireCombinable(owners.stream().map(pool.identities::get).toList(), keys);
          for (String other : owners) {
            if (!other.equals(survivor.id)) {
              merge(pool, survivor, pool.identities.get(other));
            }
          }
          link(pool, survivor, keys);
          id = survivor.id;
        }
      }
    }
    changed();
    return id;
  }

  /** H27..H29, H43, H44, H46 */
  public Credentials getCredentialsForIdentity(
      String identityId, Map<String, String> logins, String customRoleArn) {
    IssuedCredentials issued;
    synchronized (this) {
      Authenticated auth = authenticate(identityId, logins, true);
      String role = role(auth, customRoleArn);
      Instant now = clock.instant();
      issued =
          new IssuedCredentials(
              accessKeyId(),
              randomString(SECRET_CHARS, 40),
              sessionToken(),
              now.plus(settings.credentialsLifetime()),
              auth.pool.config.identityPoolId(),
              auth.identity.id,
              role);
      credentials.put(issued.accessKeyId(), issued);
    }
    credentialListeners.forEach(l -> l.accept(issued));
    changed();
    return new Credentials(issued.identityId(), issued);
  }

  /** H11, H27..H29, H41, H42 */
  public OpenIdToken getOpenIdToken(String identityId, Map<String, String> logins) {
    OpenIdToken token;
    synchronized (this) {
      IdentityPoolState pool = poolOfIdentity(identityId);
      if (Boolean.FALSE.equals(pool.config.allowClassicFlow())) {
        throw IdentityErrors.invalidParameter(
            "Basic (classic) flow is not enabled, please use enhanced flow.");
      }
      if (!pool.roleMappings.isEmpty()) {
        throw IdentityErrors.invalidParameter(
            "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.");
      }
      Authenticated auth = authenticate(identityId, logins, false);
      token =
          new OpenIdToken(
              auth.identity.id,
              sign(auth.pool, auth.identity, auth.provider, OPEN_ID_TOKEN_SECONDS));
    }
    changed();
    return token;
  }

  /** H35..H37 */
  public OpenIdToken getOpenIdTokenForDeveloperIdentity(
      String poolId, String identityId, Map<String, String> logins, Long tokenDuration) {
    OpenIdToken token;
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      String developer = pool.config.developerProviderName();
      if (developer == null || !logins.containsKey(developer)) {
        throw IdentityErrors.notAuthorized(
            "This identity pool does not support the specified developer provider");
      }
      String userId = logins.get(developer);
      Map<String, String> others = new LinkedHashMap<>(logins);
      others.remove(developer);
      Map<String, String> keys = publicLogins(pool, others);
      String ownerId = pool.owners.get(IdentityPoolState.ownerKey(developer, userId));
      IdentityState identity;
      if (ownerId != null) {
        identity = pool.identities.get(ownerId);
        if (identityId != null && !identityId.equals(ownerId)) {
          IdentityState named = pool.identities.get(identityId);
          if (named == null || named.disabled) {
            throw named == null
                ? IdentityErrors.identityNotFound(identityId)
                : IdentityErrors.forbidden(identityId);
          }
          if (named.authenticated()) {
            throw new ServiceException(
                ErrorShape.DeveloperUserAlreadyRegisteredException,
                "The developer user '"
                    + userId
                    + "' is already registered with identity '"
                    + ownerId
                    + "'");
          }
          merge(pool, identity, named); // H36: a guest merges into the user's identity
        }
      } else if (identityId != null) {
        identity = pool.identities.get(identityId);
        if (identity == null) {
          throw IdentityErrors.identityNotFound(identityId);
        }
        if (identity.disabled) {
          throw IdentityErrors.forbidden(identityId);
        }
        linkDeveloper(pool, identity, userId);
      } else {
        identity = newIdentity(pool);
        linkDeveloper(pool, identity, userId);
      }
      link(pool, identity, keys);
      long seconds = tokenDuration == null ? DEFAULT_DEVELOPER_TOKEN_SECONDS : tokenDuration;
      token = new OpenIdToken(identity.id, sign(pool, identity, developer, seconds));
    }
    changed();
    return token;
  }

  /** H38 */
  public synchronized DeveloperLookup lookupDeveloperIdentity(
      String poolId, String identityId, String userId, int maxResults, String nextToken) {
    IdentityPoolState pool = pool(poolId);
    if (identityId == null && userId == null) {
      throw IdentityErrors.invalidParameter(
          "Either IdentityId or DeveloperUserIdentifier is required");
    }
    String developer = pool.config.developerProviderName();
    String owner =
        userId == null || developer == null
            ? null
            : pool.owners.get(IdentityPoolState.ownerKey(developer, userId));
    if (userId != null && owner == null) {
      throw IdentityErrors.notFound("Developer user '" + userId + "' not found in pool " + poolId);
    }
    if (identityId != null && owner != null && !owner.equals(identityId)) {
      throw IdentityErrors.conflict(
          "Developer user '" + userId + "' does not belong to identity '" + identityId + "'");
    }
    String id = identityId != null ? identityId : owner;
    IdentityState identity = pool.identities.get(id);
    if (identity == null) {
      throw IdentityErrors.identityNotFound(id);
    }
    Page<String> page = Page.of(List.copyOf(identity.developerUserIds), maxResults, nextToken, id);
    return new DeveloperLookup(id, page.items(), page.nextToken());
  }

  /** H39 */
  public String mergeDeveloperIdentities(
      String poolId, String provider, String source, String destination) {
    String survivorId;
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      if (!provider.equals(pool.config.developerProviderName())) {
        throw IdentityErrors.invalidParameter(
            "'" + provider + "' is not the DeveloperProviderName of pool " + poolId);
      }
      IdentityState from = developerOwner(pool, provider, source);
      IdentityState to = developerOwner(pool, provider, destination);
      if (from != to) {
        if (from.linkCount() + to.linkCount() > MAX_LINKS) {
          throw IdentityErrors.invalidParameter(
              "The merged identity would hold more than " + MAX_LINKS + " logins");
        }
        merge(pool, to, from);
      }
      survivorId = to.id;
    }
    changed();
    return survivorId;
  }

  /** H40 */
  public void unlinkDeveloperIdentity(
      String poolId, String identityId, String provider, String userId) {
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      IdentityState identity = pool.identities.get(identityId);
      if (identity == null) {
        throw IdentityErrors.identityNotFound(identityId);
      }
      if (!provider.equals(pool.config.developerProviderName())
          || !identity.developerUserIds.contains(userId)) {
        throw IdentityErrors.conflict(
            "Developer user '"
                + userId
                + "' of provider '"
                + provider
                + "' is not linked to identity '"
                + identityId
                + "'");
      }
      identity.developerUserIds.remove(userId);
      pool.owners.remove(IdentityPoolState.ownerKey(provider, userId));
      identity.lastModifiedDate = clock.instant();
    }
    changed();
  }

  /** H31 */
  public void unlinkIdentity(
      String identityId, Map<String, String> logins, List<String> loginsToRemove) {
    synchronized (this) {
      Authenticated auth = authenticate(identityId, logins, false);
      IdentityState identity = auth.identity;
      for (String provider : loginsToRemove) {
        if (!identity.logins.containsKey(provider)) {
          throw IdentityErrors.invalidParameter(
              "Provider '" + provider + "' is not linked to identity '" + identity.id + "'");
        }
      }
      for (String provider : loginsToRemove) {
        String userKey = identity.logins.remove(provider);
        auth.pool.owners.remove(IdentityPoolState.ownerKey(provider, userKey));
      }
      identity.lastModifiedDate = clock.instant();
    }
    changed();
  }

  /** H32: unknown ids are skipped. */
  public List<String> deleteIdentities(List<String> identityIds) {
    List<String[]> deleted = new ArrayList<>();
    synchronized (this) {
      for (String id : identityIds) {
        IdentityPoolState pool = pools.get(poolOf(id));
        IdentityState identity = pool == null ? null : pool.identities.remove(id);
        if (identity == null) {
          continue;
        }
        identity.logins.forEach((p, k) -> pool.owners.remove(IdentityPoolState.ownerKey(p, k)));
        String developer = pool.config.developerProviderName();
        identity.developerUserIds.forEach(
            u -> pool.owners.remove(IdentityPoolState.ownerKey(developer, u)));
        deleted.add(new String[] {pool.config.identityPoolId(), id});
      }
    }
    if (settings.deleteSyncData()) {
      deleted.forEach(d -> hooks.identityDeleted(d[0], d[1]));
    }
    changed();
    return List.of();
  }

  /** H33 */
  public synchronized IdentityDescription describeIdentity(String identityId) {
    IdentityPoolState pool = poolOfIdentity(identityId);
    return describe(pool, pool.identities.get(identityId));
  }

  /** H34 */
  public synchronized IdentityPage listIdentities(
      String poolId, int maxResults, String nextToken, boolean hideDisabled) {
    IdentityPoolState pool = pool(poolId);
    List<IdentityDescription> all =
        pool.identities.values().stream()
            .filter(i -> !hideDisabled || !i.disabled)
            .map(i -> describe(pool, i))
            .toList();
    Page<IdentityDescription> page = Page.of(all, maxResults, nextToken, poolId);
    return new IdentityPage(poolId, page.items(), page.nextToken());
  }

  // ------------------------------------------------------------------ STS (basic flow)

  /**
   * AssumeRoleWithWebIdentity for a token this mock issued: credentials of the token's identity,
   * registered like GetCredentialsForIdentity's. Empty when the token is not the mock's or expired.
   */
  public Optional<IssuedCredentials> assumeRoleWithWebIdentity(
      String webIdentityToken, String roleArn, long durationSeconds) {
    IssuedCredentials issued;
    synchronized (this) {
      Optional<OpenIdTokens.Claims> claims = tokens.verify(webIdentityToken, clock.instant());
      if (claims.isEmpty()) {
        return Optional.empty();
      }
      IdentityPoolState pool = pools.get(claims.get().audience());
      IdentityState identity = pool == null ? null : pool.identities.get(claims.get().subject());
      if (identity == null || identity.disabled) {
        return Optional.empty();
      }
      issued =
          new IssuedCredentials(
              accessKeyId(),
              randomString(SECRET_CHARS, 40),
              sessionToken(),
              clock.instant().plusSeconds(durationSeconds),
              pool.config.identityPoolId(),
              identity.id,
              roleArn);
      credentials.put(issued.accessKeyId(), issued);
    }
    credentialListeners.forEach(l -> l.accept(issued));
    changed();
    return Optional.of(issued);
  }

  /** Whether a well-formed token carries the mock's signature (expired or not). */
  public boolean expiredOwnToken(String token) {
    return tokens.verify(token, Instant.EPOCH).isPresent();
  }

  // ------------------------------------------------------------------ admin

  /**
   * The admin merge route: {@code absorbed} merges into {@code survivor} as a login merge would.
   * Answers the names of the merged datasets.
   */
  public List<String> mergeIdentities(String poolId, String survivorId, String absorbedId) {
    List<String> names;
    synchronized (this) {
      IdentityPoolState pool = pool(poolId);
      IdentityState survivor = pool.identities.get(survivorId);
      IdentityState absorbed = pool.identities.get(absorbedId);
      if (survivor == null || absorbed == null) {
        throw IdentityErrors.identityNotFound(survivor == null ? survivorId : absorbedId);
      }
      if (survivor == absorbed) {
        throw IdentityErrors.invalidParameter("An identity cannot be merged into itself");
      }
      names = merge(pool, survivor, absorbed);
    }
    changed();
    return names;
  }

  public synchronized boolean knowsIdentity(String poolId, String identityId) {
    IdentityPoolState pool = pools.get(poolId);
    return pool != null && pool.identities.containsKey(identityId);
  }

  public synchronized boolean knowsPool(String poolId) {
    return pools.containsKey(poolId);
  }

  /** Every credential issued and not yet expired. */
  public synchronized List<IssuedCredentials> liveCredentials() {
    Instant now = clock.instant();
    return credentials.values().stream().filter(c -> c.expiration().isAfter(now)).toList();
  }

  public IdentityStateDocument exportState() {
    synchronized (this) {
      return IdentityStateDocument.of(pools.values(), liveCredentials(), tokens.privateJwk());
    }
  }

  /** Replaces the whole identity state; credentials in the document are registered again. */
  public void importState(IdentityStateDocument document) {
    List<IssuedCredentials> restored;
    synchronized (this) {
      Map<String, IdentityPoolState> restoredPools = document.restore();
      pools.clear();
      pools.putAll(restoredPools);
      credentials.clear();
      document.credentialsOrEmpty().forEach(c -> credentials.put(c.accessKeyId(), c));
      if (document.signingKey() != null) {
        tokens = OpenIdTokens.fromPrivateJwk(document.signingKey());
      }
      restored = List.copyOf(credentials.values());
    }
    restored.forEach(c -> credentialListeners.forEach(l -> l.accept(c)));
    pools().forEach(hooks::poolCreated);
    changed();
  }

  public synchronized List<String> pools() {
    return List.copyOf(pools.keySet());
  }

  public void reset() {
    synchronized (this) {
      pools.clear();
      credentials.clear();
    }
    changed();
  }

  // ------------------------------------------------------------------ rules

  private record Authenticated(
      IdentityPoolState pool, IdentityState identity, String provider, String token) {}

  /**
   * H27..H29 and H43: checks the named identity against the logins, links new ones, merges into an
   * identity that owns one of them. Answers the identity the call acts for (the survivor).
   */
  private Authenticated authenticate(
      String identityId, Map<String, String> logins, boolean cognitoTokenAllowed) {
    IdentityPoolState pool = poolOfIdentity(identityId);
    IdentityState x = pool.identities.get(identityId);
    Map<String, String> given = logins == null ? Map.of() : logins;
    String cognitoToken =
        given.containsKey(COGNITO_LOGIN) ? given.get(COGNITO_LOGIN) : given.get(COGNITO_LOGIN_CN);
    Map<String, String> rest = new LinkedHashMap<>(given);
    rest.remove(COGNITO_LOGIN);
    rest.remove(COGNITO_LOGIN_CN);
    Map<String, String> keys = publicLogins(pool, rest);
    if (x.disabled) {
      throw IdentityErrors.forbidden(identityId); // step 2
    }
    boolean cognitoProof = false;
    if (cognitoToken != null) {
      Optional<OpenIdTokens.Claims> claims =
          cognitoTokenAllowed ? tokens.verify(cognitoToken, clock.instant()) : Optional.empty();
      if (claims.isEmpty()
          || !claims.get().audience().equals(pool.config.identityPoolId())
          || !identityId.equals(claims.get().subject())) {
        throw IdentityErrors.notAuthorized("Invalid login token. Not a Cognito token.");
      }
      cognitoProof = true;
    }
    if (x.authenticated()) {
      if (given.isEmpty()) {
        throw IdentityErrors.forbidden(identityId); // step 3
      }
      boolean linked =
          cognitoProof
              || keys.entrySet().stream()
                  .anyMatch(e -> e.getValue().equals(x.logins.get(e.getKey())));
      if (!linked) {
        throw IdentityErrors.notAuthorized(IdentityErrors.LOGINS_DONT_MATCH); // step 4
      }
    } else if (given.isEmpty()) {
      requireGuestsAllowed(pool); // step 5
    }
    Set<String> others = owners(pool, keys);
    others.remove(x.id);
    IdentityState acting = x;
    if (others.size() > 1) {
      throw IdentityErrors.conflict("The logins belong to more than one other identity");
    }
    if (others.size() == 1) {
      // H29: X merges into the identity that owns the login
      acting = pool.identities.get(others.iterator().next());
      requireCombinable(List.of(acting, x), keys);
      merge(pool, acting, x);
    }
    link(pool, acting, keys);
    // the provider the caller presented decides the role (H46); a Cognito token stands for the
    // developer one
    String provider = null;
    if (!keys.isEmpty()) {
      provider = keys.keySet().iterator().next();
    } else if (acting.authenticated()) {
      provider =
          cognitoProof && !acting.developerUserIds.isEmpty() || acting.logins.isEmpty()
              ? pool.config.developerProviderName()
              : acting.logins.keySet().iterator().next();
    }
    return new Authenticated(pool, acting, provider, provider == null ? null : rest.get(provider));
  }

  /** H22, H23: provider name to user key, every key checked against the pool's providers. */
  private Map<String, String> publicLogins(IdentityPoolState pool, Map<String, String> logins) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (logins.isEmpty()) {
      return keys;
    }
    Set<String> providers = loginKeys(pool.config);
    if (providers.isEmpty() && pool.config.developerProviderName() == null) {
      throw IdentityErrors.notAuthorized(IdentityErrors.LOGINS_DONT_MATCH);
    }
    for (Map.Entry<String, String> login : logins.entrySet()) {
      String provider = login.getKey();
      if (provider.equals(COGNITO_LOGIN) || provider.equals(COGNITO_LOGIN_CN)) {
        throw IdentityErrors.notAuthorized("Invalid login token. Can't pass in a Cognito token.");
      }
      if (!providers.contains(provider)) {
        throw IdentityErrors.notAuthorized(IdentityErrors.UNSUPPORTED_PROVIDER);
      }
      if (settings.strictLoginTokens()) {
        strictTokenChecks(pool.config, provider, login.getValue());
      }
      keys.put(provider, LoginKeys.userKey(provider, login.getValue()));
    }
    return keys;
  }

  /** H23's two optional checks, with the real messages. */
  private void strictTokenChecks(PoolConfig config, String provider, String token) {
    var claims = LoginKeys.claims(token);
    if (claims.isEmpty()) {
      return;
    }
    java.util.Date exp = claims.get().getExpirationTime();
    long now = clock.instant().getEpochSecond();
    if (exp != null && exp.toInstant().getEpochSecond() < now - 300) {
      throw IdentityErrors.notAuthorized(
          "Invalid login token. Token expired: " + now + " >= " + exp.toInstant().getEpochSecond());
    }
    boolean issuerChecked =
        provider.startsWith("cognito-idp.")
            || (config.openIdConnectProviderARNs() != null && oidcKeys(config).contains(provider));
    if (issuerChecked && !("https://" + provider).equals(claims.get().getIssuer())) {
      throw IdentityErrors.notAuthorized("Invalid login token. Issuer doesn't match providerName");
    }
  }

  private static Set<String> owners(IdentityPoolState pool, Map<String, String> keys) {
    Set<String> owners = new LinkedHashSet<>();
    keys.forEach(
        (p, k) -> {
          String owner = pool.owners.get(IdentityPoolState.ownerKey(p, k));
          if (owner != null) {
            owners.add(owner);
          }
        });
    return owners;
  }

  /** H26, H28: logins no identity owns become the identity's. */
  private void link(IdentityPoolState pool, IdentityState identity, Map<String, String> keys) {
    // every check first, so that a refused call changes nothing
    int added = 0;
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String current = identity.logins.get(e.getKey());
      if (current != null && !current.equals(e.getValue())) {
        throw IdentityErrors.conflict(
            "Identity '" + identity.id + "' is already linked to another user of " + e.getKey());
      }
      added += current == null ? 1 : 0;
    }
    if (identity.linkCount() + added > MAX_LINKS) {
      throw IdentityErrors.limitExceeded("An identity holds at most " + MAX_LINKS + " logins");
    }
    boolean changedLinks = false;
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String current = identity.logins.get(e.getKey());
      if (current == null) {
        identity.logins.put(e.getKey(), e.getValue());
        pool.owners.put(IdentityPoolState.ownerKey(e.getKey(), e.getValue()), identity.id);
        changedLinks = true;
      }
    }
    if (changedLinks) {
      identity.lastModifiedDate = clock.instant();
    }
  }

  private void linkDeveloper(IdentityPoolState pool, IdentityState identity, String userId) {
    if (identity.linkCount() >= MAX_LINKS) {
      throw IdentityErrors.limitExceeded("An identity holds at most " + MAX_LINKS + " logins");
    }
    identity.developerUserIds.add(userId);
    pool.owners.put(
        IdentityPoolState.ownerKey(pool.config.developerProviderName(), userId), identity.id);
    identity.lastModifiedDate = clock.instant();
  }

  /**
   * H26, H29: refuses, before anything changes, a merge of {@code identities} plus new logins that
   * would put two users of one provider in one identity or more than 20 logins.
   */
  private static void requireCombinable(List<IdentityState> identities, Map<String, String> keys) {
    Map<String, String> combined = new LinkedHashMap<>();
    int links = 0;
    for (IdentityState identity : identities) {
      for (Map.Entry<String, String> e : identity.logins.entrySet()) {
        String before = combined.putIfAbsent(e.getKey(), e.getValue());
        if (before != null && !before.equals(e.getValue())) {
          throw IdentityErrors.conflict(
              "Both identities are linked to a different user of " + e.getKey());
        }
      }
      links += identity.developerUserIds.size();
    }
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String before = combined.putIfAbsent(e.getKey(), e.getValue());
      if (before != null && !before.equals(e.getValue())) {
        throw IdentityErrors.conflict(
            "The identity is already linked to another user of " + e.getKey());
      }
    }
    if (combined.size() + links > MAX_LINKS) {
      throw IdentityErrors.limitExceeded("An identity holds at most " + MAX_LINKS + " logins");
    }
  }

  /** H30: the absorbed identity's links move, it is disabled, its Sync data merges. */
  private List<String> merge(
      IdentityPoolState pool, IdentityState survivor, IdentityState absorbed) {
    for (Map.Entry<String, String> e : absorbed.logins.entrySet()) {
      String mine = survivor.logins.get(e.getKey());
      if (mine != null && !mine.equals(e.getValue())) {
        throw IdentityErrors.conflict(
            "Both identities are linked to a different user of " + e.getKey());
      }
    }
    absorbed.logins.forEach(
        (p, k) -> {
          survivor.logins.put(p, k);
          pool.owners.put(IdentityPoolState.ownerKey(p, k), survivor.id);
        });
    String developer = pool.config.developerProviderName();
    for (String userId : absorbed.developerUserIds) {
      survivor.developerUserIds.add(userId);
      pool.owners.put(IdentityPoolState.ownerKey(developer, userId), survivor.id);
    }
    absorbed.logins.clear();
    absorbed.developerUserIds.clear();
    absorbed.disabled = true;
    Instant now = clock.instant();
    absorbed.lastModifiedDate = now;
    survivor.lastModifiedDate = now;
    return hooks.identitiesMerged(pool.config.identityPoolId(), survivor.id, absorbed.id);
  }

  /** H46 */
  private String role(Authenticated auth, String customRoleArn) {
    IdentityPoolState pool = auth.pool;
    if (!auth.identity.authenticated()) {
      return requireRole(pool.roles.get("unauthenticated"));
    }
    boolean developer =
        auth.provider != null && auth.provider.equals(pool.config.developerProviderName());
    RoleMapping mapping =
        developer || auth.provider == null ? null : mappingFor(pool, auth.provider);
    if (mapping != null) {
      Map<String, Object> claims = auth.token == null ? Map.of() : LoginKeys.claimMap(auth.token);
      String chosen =
          "Token".equals(mapping.type())
              ? fromTokenClaims(claims, customRoleArn)
              : fromRules(mapping, claims);
      if (chosen != null) {
        return chosen;
      }
      if ("Deny".equals(mapping.ambiguousRoleResolution())) {
        throw IdentityErrors.notAuthorized("The ambiguous role mapping rules denied this request.");
      }
    }
    return requireRole(pool.roles.get("authenticated"));
  }

  private static RoleMapping mappingFor(IdentityPoolState pool, String provider) {
    for (Map.Entry<String, RoleMapping> e : pool.roleMappings.entrySet()) {
      if (e.getKey().equals(provider) || e.getKey().startsWith(provider + ":")) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String fromTokenClaims(Map<String, Object> claims, String customRoleArn) {
    Object roles = claims.get("cognito:roles");
    List<String> allowed =
        roles instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    if (customRoleArn != null) {
      if (!allowed.contains(customRoleArn)) {
        throw IdentityErrors.notAuthorized(
            "The CustomRoleArn is not among the token's cognito:roles.");
      }
      return customRoleArn;
    }
    Object preferred = claims.get("cognito:preferred_role");
    return preferred == null ? null : preferred.toString();
  }

  private static String fromRules(RoleMapping mapping, Map<String, Object> claims) {
    if (mapping.rulesConfiguration() == null || mapping.rulesConfiguration().rules() == null) {
      return null;
    }
    for (RoleMapping.MappingRule rule : mapping.rulesConfiguration().rules()) {
      Object claim = claims.get(rule.claim());
      if (claim == null) {
        continue; // NotEqual too: skipped when the claim is missing
      }
      String value =
          claim instanceof List<?> l
              ? String.join(",", l.stream().map(String::valueOf).toList())
              : claim.toString();
      boolean match =
          switch (rule.matchType()) {
            case "Equals" -> value.equals(rule.value());
            case "Contains" -> value.contains(rule.value());
            case "StartsWith" -> value.startsWith(rule.value());
            case "NotEqual" -> !value.equals(rule.value());
            default -> false;
          };
      if (match) {
        return rule.roleARN();
      }
    }
    return null;
  }

  private static String requireRole(String role) {
    if (role == null) {
      throw IdentityErrors.noRole();
    }
    return role;
  }

  /** H41, H42 */
  private String sign(
      IdentityPoolState pool, IdentityState identity, String provider, long seconds) {
    List<String> amr;
    if (!identity.authenticated()) {
      amr = List.of("unauthenticated");
    } else {
      String developer = pool.config.developerProviderName();
      if (provider != null && provider.equals(developer) && !identity.developerUserIds.isEmpty()) {
        amr =
            List.of(
                "authenticated",
                developer,
                developer
                    + ":"
                    + pool.config.identityPoolId()
                    + ":"
                    + identity.developerUserIds.get(0));
      } else {
        String p =
            provider != null && identity.logins.containsKey(provider)
                ? provider
                : identity.logins.keySet().stream().findFirst().orElse(developer);
        String userKey = identity.logins.get(p);
        amr =
            userKey == null
                ? List.of("authenticated", String.valueOf(p))
                : List.of("authenticated", p, p + ":" + userKey);
      }
    }
    String poolId = pool.config.identityPoolId();
    return tokens.sign(poolId, poolArn(poolId), identity.id, amr, clock.instant(), seconds);
  }

  private void requireGuestsAllowed(IdentityPoolState pool) {
    if (!Boolean.TRUE.equals(pool.config.allowUnauthenticatedIdentities())) {
      throw IdentityErrors.notAuthorized(
          "Unauthenticated access is not supported for this identity pool.");
    }
  }

  private IdentityState newIdentity(IdentityPoolState pool) {
    String id = regionOf(pool.config.identityPoolId()) + ":" + ids.nextId();
    IdentityState identity = new IdentityState(id, clock.instant());
    pool.identities.put(id, identity);
    return identity;
  }

  private IdentityState developerOwner(IdentityPoolState pool, String provider, String userId) {
    String owner = pool.owners.get(IdentityPoolState.ownerKey(provider, userId));
    if (owner == null) {
      throw IdentityErrors.notFound(
          "Developer user '" + userId + "' not found in pool " + pool.config.identityPoolId());
    }
    return pool.identities.get(owner);
  }

  private IdentityPoolState pool(String poolId) {
    IdentityPoolState pool = pools.get(poolId);
    if (pool == null) {
      throw IdentityErrors.poolNotFound(poolId);
    }
    return pool;
  }

  /** H27 step 1: the pool of a known identity, else ResourceNotFound for the identity. */
  private IdentityPoolState poolOfIdentity(String identityId) {
    for (IdentityPoolState pool : pools.values()) {
      if (pool.identities.containsKey(identityId)) {
        return pool;
      }
    }
    throw IdentityErrors.identityNotFound(identityId);
  }

  private String poolOf(String identityId) {
    for (IdentityPoolState pool : pools.values()) {
      if (pool.identities.containsKey(identityId)) {
        return pool.config.identityPoolId();
      }
    }
    return "";
  }

  private IdentityPoolState poolByArn(String arn) {
    for (IdentityPoolState pool : pools.values()) {
      if (poolArn(pool.config.identityPoolId()).equals(arn)) {
        return pool;
      }
    }
    throw IdentityErrors.notFound("Resource '" + arn + "' not found.");
  }

  private static String regionOf(String id) {
    int colon = id.indexOf(':');
    return colon < 0 ? id : id.substring(0, colon);
  }

  private IdentityDescription describe(IdentityPoolState pool, IdentityState identity) {
    List<String> logins = new ArrayList<>(identity.logins.keySet());
    if (!identity.developerUserIds.isEmpty()) {
      logins.add(pool.config.developerProviderName());
    }
    return new IdentityDescription(
        identity.id,
        logins.isEmpty() ? null : logins,
        identity.creationDate,
        identity.lastModifiedDate);
  }

  /** H12: the login keys a pool accepts, the developer provider not among them (H22). */
  static Set<String> loginKeys(PoolConfig config) {
    Set<String> keys = new LinkedHashSet<>();
    if (config.supportedLoginProviders() != null) {
      keys.addAll(config.supportedLoginProviders().keySet());
    }
    if (config.cognitoIdentityProviders() != null) {
      config.cognitoIdentityProviders().forEach(p -> keys.add(p.providerName()));
    }
    keys.addAll(oidcKeys(config));
    if (config.samlProviderARNs() != null) {
      keys.addAll(config.samlProviderARNs());
    }
    return keys;
  }

  private static Set<String> oidcKeys(PoolConfig config) {
    Set<String> keys = new LinkedHashSet<>();
    if (config.openIdConnectProviderARNs() != null) {
      for (String arn : config.openIdConnectProviderARNs()) {
        int at = arn.indexOf("oidc-provider/");
        keys.add(at < 0 ? arn : arn.substring(at + "oidc-provider/".length()));
      }
    }
    return keys;
  }

  /**
   * H16: the RoleMappings keys a pool accepts (user pools as {@code <ProviderName>:<ClientId>}).
   */
  private static Set<String> roleMappingKeys(PoolConfig config) {
    Set<String> keys = new LinkedHashSet<>(loginKeys(config));
    if (config.cognitoIdentityProviders() != null) {
      config
          .cognitoIdentityProviders()
          .forEach(
              p -> {
                keys.remove(p.providerName());
                keys.add(p.providerName() + ":" + p.clientId());
              });
    }
    return keys;
  }

  private static void checkProviders(PoolConfig config) {
    if (config.cognitoIdentityProviders() != null) {
      for (PoolConfig.CognitoProvider p : config.cognitoIdentityProviders()) {
        if (p.providerName() == null) {
          throw IdentityErrors.invalidParameter("Invalid Cognito Identity Provider");
        }
      }
    }
  }

  private static PoolConfig normalize(PoolConfig config) {
    return config;
  }

  /** H10: IdentityPoolTags always present, {} when empty. */
  private static PoolConfig view(PoolConfig config) {
    return config.identityPoolTags() == null ? config.withTags(Map.of()) : config;
  }

  private static Map<String, String> tagsOf(PoolConfig config) {
    return config.identityPoolTags() == null ? Map.of() : config.identityPoolTags();
  }

  /** H44: ASIA and 16 upper-case alphanumerics. */
  private String accessKeyId() {
    return "ASIA" + randomString(ALNUM, 16);
  }

  private String sessionToken() {
    byte[] bytes = new byte[96];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private String randomString(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private void changed() {
    changeListeners.forEach(Runnable::run);
  }

  // ------------------------------------------------------------------ answers

  public record PoolRoles(
      String identityPoolId, Map<String, String> roles, Map<String, RoleMapping> roleMappings) {}

  public record Credentials(String identityId, IssuedCredentials credentials) {}

  public record OpenIdToken(String identityId, String token) {}

  public record DeveloperLookup(
      String identityId, List<String> developerUserIdentifierList, String nextToken) {}

  public record IdentityDescription(
      String identityId, List<String> logins, Instant creationDate, Instant lastModifiedDate) {}

  public record IdentityPage(
      String identityPoolId, List<IdentityDescription> identities, String nextToken) {}

  /** One page of a list and the opaque token of the next (H15, H34, H38). */
  public record Page<T>(List<T> items, String nextToken) {
    static <T> Page<T> of(List<T> all, int maxResults, String nextToken, String scope) {
      int from = 0;
      if (nextToken != null) {
        try {
          String decoded =
              new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
          int bar = decoded.lastIndexOf('|');
          if (bar < 0 || !decoded.substring(0, bar).equals(scope)) {
            throw new IllegalArgumentException();
          }
          from = Integer.parseInt(decoded.substring(bar + 1));
        } catch (IllegalArgumentException e) {
          throw IdentityErrors.invalidParameter("Invalid NextToken: " + nextToken);
        }
      }
      int to = Math.min(all.size(), from + maxResults);
      List<T> items = from >= all.size() ? List.of() : List.copyOf(all.subList(from, to));
      String next =
          to < all.size()
              ? Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString((scope + "|" + to).getBytes(StandardCharsets.UTF_8))
              : null;
      return new Page<>(items, next);
    }
  }
}
