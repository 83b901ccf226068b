package dev.cognitosyncmock.identity;

import java.util.List;
import java.util.Map;

/**
 * The members of an identity pool (the model's IdentityPool shape) as a caller sets them. Null
 * means never set, and is left out of answers (H10); the wire names are these names capitalized.
 */
public record PoolConfig(
    String identityPoolId,
    String identityPoolName,
    Boolean allowUnauthenticatedIdentities,
    Boolean allowClassicFlow,
    Map<String, String> supportedLoginProviders,
    String developerProviderName,
    List<String> openIdConnectProviderARNs,
    List<CognitoProvider> cognitoIdentityProviders,
    List<String> samlProviderARNs,
    Map<String, String> identityPoolTags) {

  /** A user pool linked to the identity pool; its ProviderName is the login key (H12). */
  public record CognitoProvider(
      String providerName, String clientId, Boolean serverSideTokenCheck) {}

  PoolConfig withId(String id) {
    return with(id, developerProviderName, identityPoolTags);
  }

  PoolConfig withTags(Map<String, String> tags) {
    return with(identityPoolId, developerProviderName, Map.copyOf(tags));
  }

  PoolConfig withDeveloperProviderName(String name) {
    return with(identityPoolId, name, identityPoolTags);
  }

  /** A copy with the members the engine sets itself, rather than the caller, replaced. */
  private PoolConfig with(String id, String developer, Map<String, String> tags) {
    return new PoolConfig(
        id,
        identityPoolName,
        allowUnauthenticatedIdentities,
        allowClassicFlow,
        supportedLoginProviders,
        developer,
        openIdConnectProviderARNs,
        cognitoIdentityProviders,
        samlProviderARNs,
        tags);
  }
}
