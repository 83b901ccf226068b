package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/** The modeled errors a caller reaches without fault injection, operation by operation. */
class IdentityErrorsSdkTest extends IdentitySdkTestSupport {
  static final String UNKNOWN_POOL = "us-east-1:00000000-0000-4000-8000-0000000000aa";
  static final String UNKNOWN_ID = "us-east-1:00000000-0000-4000-8000-0000000000bb";

  @BeforeEach
  void startMock() {
    start();
  }

  @Test
  @DisplayName(
      "H15 H27: every operation on an unknown pool or identity is ResourceNotFoundException")
  void unknownPoolsAndIdentities() {
    assertError(
        () ->
            identity.updateIdentityPool(
                r ->
                    r.identityPoolId(UNKNOWN_POOL)
                        .identityPoolName("x")
                        .allowUnauthenticatedIdentities(true)),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    assertError(
        () -> identity.setIdentityPoolRoles(r -> r.identityPoolId(UNKNOWN_POOL).roles(Map.of())),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    assertError(
        () -> identity.getOpenIdToken(r -> r.identityId(UNKNOWN_ID)),
        ResourceNotFoundException.class,
        "Identity '" + UNKNOWN_ID + "' not found.");
    assertError(
        () -> identity.describeIdentity(r -> r.identityId(UNKNOWN_ID)),
        ResourceNotFoundException.class,
        "Identity '" + UNKNOWN_ID + "' not found.");
    assertError(
        () ->
            identity.lookupDeveloperIdentity(
                r -> r.identityPoolId(UNKNOWN_POOL).identityId(UNKNOWN_ID)),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    assertError(
        () ->
            identity.mergeDeveloperIdentities(
                r ->
                    r.identityPoolId(UNKNOWN_POOL)
                        .developerProviderName("d")
                        .sourceUserIdentifier("a")
                        .destinationUserIdentifier("b")),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    assertError(
        () ->
            identity.unlinkDeveloperIdentity(
                r ->
                    r.identityPoolId(UNKNOWN_POOL)
                        .identityId(UNKNOWN_ID)
                        .developerProviderName("d")
                        .developerUserIdentifier("a")),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    assertError(
        () ->
            identity.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(UNKNOWN_POOL).logins(Map.of("d", "a"))),
        ResourceNotFoundException.class,
        UNKNOWN_POOL);
    String pool = createPool();
    assertError(
        () ->
            identity.getOpenIdTokenForDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .identityId(UNKNOWN_ID)
                        .logins(Map.of("login.myapp", "newcomer"))),
        ResourceNotFoundException.class,
        UNKNOWN_ID);
  }

  @Test
  @DisplayName("H32 H6: DeleteIdentities takes 1 to 60 ids")
  void deleteIdentitiesBounds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 61; i++) {
      ids.add(String.format("us-east-1:00000000-0000-4000-8000-%012d", i));
    }
    assertErrorCode(
        () -> identity.deleteIdentities(r -> r.identityIdsToDelete(ids)),
        "ValidationException",
        "identityIdsToDelete");
  }

  @Test
  @DisplayName(
      "H26: an identity holds at most 20 logins; GetId linking a 21st is LimitExceededException")
  void H26_linkLimit() {
    List<CognitoIdentityProvider> userPools = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      userPools.add(
          CognitoIdentityProvider.builder()
              .providerName("cognito-idp.us-east-1.amazonaws.com/us-east-1_pool" + i)
              .clientId("c" + i)
              .build());
    }
    String pool =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("many")
                        .allowUnauthenticatedIdentities(true)
                        .cognitoIdentityProviders(userPools))
            .identityPoolId();
    String id = identity.getId(r -> r.identityPoolId(pool).logins(logins(0, 10))).identityId();
    Map<String, String> second = logins(9, 19); // provider 9 proves the identity, 10 more link
    assertThat(identity.getId(r -> r.identityPoolId(pool).logins(second)).identityId())
        .isEqualTo(id);
    Map<String, String> third = logins(18, 21); // 19 + 20 links: 21 in all
    assertError(
        () -> identity.getId(r -> r.identityPoolId(pool).logins(third)),
        LimitExceededException.class,
        "20");
    assertThat(identity.describeIdentity(r -> r.identityId(id)).logins()).hasSize(19);
  }

  private static Map<String, String> logins(int from, int to) {
    Map<String, String> logins = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      logins.put("cognito-idp.us-east-1.amazonaws.com/us-east-1_pool" + i, "user-token-" + i);
    }
    return logins;
  }
}
