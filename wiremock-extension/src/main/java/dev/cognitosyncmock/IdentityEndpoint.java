package dev.cognitosyncmock;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.IdSource;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.identity.IdentityChanged;
import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IdentitySettings;
import dev.cognitosyncmock.identity.IssuedCredentials;
import dev.cognitosyncmock.identity.OpenIdTokens;
import dev.cognitosyncmock.identity.SyncDataHooks;
import dev.cognitosyncmock.persistence.IdentityStateFile;
import dev.cognitosyncmock.protocol.CallInterceptor;
import dev.cognitosyncmock.protocol.Lazy;
import dev.cognitosyncmock.protocol.ProtocolRequest;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.RequestContext;
import dev.cognitosyncmock.protocol.awsjson.AwsJsonProtocol;
import dev.cognitosyncmock.protocol.awsjson.IdentityOperations;
import dev.cognitosyncmock.protocol.query.QueryProtocol;
import dev.cognitosyncmock.protocol.query.StsOperations;
import dev.cognitosyncmock.schemas.VendoredService;
import dev.cognitosyncmock.security.AccessKey;
import dev.cognitosyncmock.security.Authenticator;
import dev.cognitosyncmock.state.SharedState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Cognito Identity (awsJson 1.1) and STS AssumeRoleWithWebIdentity (query) on the Sync mock's
 * endpoint. The services meet in state: pools Identity creates are pools Sync serves, merges and
 * deletions reach Sync data through {@link SyncDataHooks}, and credentials Identity issues become
 * keys of the authenticator Sync checks requests with.
 */
public final class IdentityEndpoint {
  /** Where the public key set of the mock's OpenID tokens is served, as on the real service. */
  public static final String JWKS_PATH = "/.well-known/jwks_uri";

  private final IdentityEngine engine;
  // built on the first Identity or STS request: their models are parsed then, not at start-up
  private final Lazy<AwsJsonProtocol> protocol;
  private final Lazy<QueryProtocol> sts;
  private final SyncEngine sync;

  IdentityEndpoint(
      IdentitySettings settings,
      Clock clock,
      IdSource ids,
      SyncEngine sync,
      Authenticator authenticator,
      String accountId,
      CallInterceptor interceptor) {
    this.sync = sync;
    this.engine = new IdentityEngine(settings, clock, ids, OpenIdTokens.generate());
    engine.setSyncDataHooks(new SyncSide());
    // identity changes join the one stream of state changes (persistence follows it)
    SharedState state = sync.state();
    engine.addChangeListener(
        () ->
            state.shared(
                () -> {
                  state.publish(new IdentityChanged());
                  return null;
                }));
    engine.addCredentialListener(c -> authenticator.addTemporaryKey(key(c), c.expiration()));
    this.protocol =
        new Lazy<>(
            () -> {
              AwsJsonProtocol built =
                  new AwsJsonProtocol(
                      VendoredService.COGNITO_IDENTITY,
                      IdentityOperations.table(engine),
                      authenticator,
                      accountId);
              // fault injection and recording see every validated Identity call, as Sync's
              built.setInterceptor(interceptor);
              return built;
            });
    this.sts =
        new Lazy<>(() -> new QueryProtocol(VendoredService.STS, StsOperations.table(engine)));
  }

  /** {@return the Cognito Identity engine: pools, identities, logins, developer users and roles} */
  public IdentityEngine engine() {
    return engine;
  }

  /**
   * The answer when the request is for Cognito Identity, STS or the JWKS; null when it is Sync's.
   */
  ProtocolResponse handle(ProtocolRequest request, RequestContext context) {
    // only awsJson requests carry X-Amz-Target: a Sync request never builds Identity's protocol
    if (request.header("X-Amz-Target") != null && protocol.get().serves(request)) {
      return protocol.get().handle(request, context);
    }
    if (QueryProtocol.isQueryRequest(request)) {
      return sts.get().handle(request);
    }
    if (request.method().equals("GET") && request.path().equals(JWKS_PATH)) {
      return new ProtocolResponse(
          200,
          Map.of("Content-Type", "application/json"),
          engine.openIdTokens().jwks().getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /**
   * Restores identity state from the directory and keeps it durable there, written on every {@link
   * IdentityChanged}; Sync data it changes is Sync's journal's (its own change events).
   */
  void persistIn(Path directory) {
    sync.state().addListener(IdentityStateFile.open(directory, engine));
  }

  /**
   * {@return admin routes for identity state; see {@link
   * dev.cognitosyncmock.admin.IdentityAdminRoutes}}
   */
  public dev.cognitosyncmock.admin.AdminRoutes adminRoutes() {
    return new dev.cognitosyncmock.admin.IdentityAdminRoutes(engine, sync);
  }

  private static AccessKey key(IssuedCredentials c) {
    AccessKey key =
        AccessKey.identity(c.accessKeyId(), c.secretKey(), c.sessionToken(), c.identityId())
            .inPool(c.identityPoolId());
    // A7 names the role the keys were issued for: the last segment of its ARN
    String role = c.roleArn();
    return role == null || role.isBlank()
        ? key
        : key.withRole(role.substring(role.lastIndexOf('/') + 1));
  }

  /** Identity changes applied to Sync data: E3 merged datasets, H15 and H32 deletions. */
  private final class SyncSide implements SyncDataHooks {
    @Override
    public void poolCreated(String identityPoolId) {
      sync.createIdentityPool(identityPoolId);
    }

    @Override
    public void poolDeleted(String identityPoolId) {
      sync.deleteIdentityPool(identityPoolId);
    }

    @Override
    public void identityDeleted(String identityPoolId, String identityId) {
      sync.deleteIdentity(identityPoolId, identityId);
    }

    @Override
    public java.util.List<String> identitiesMerged(
        String identityPoolId, String survivor, String absorbed) {
      if (!sync.hasIdentity(identityPoolId, absorbed)) {
        return java.util.List.of(); // no Sync data to carry over
      }
      java.util.List<String> names = java.util.List.of();
      try {
        names = sync.mergeIdentities(identityPoolId, survivor, absorbed);
      } catch (ServiceException e) {
        if (e.shape() != ErrorShape.ResourceNotFoundException) {
          throw e;
        }
      }
      return names;
    }
  }
}
