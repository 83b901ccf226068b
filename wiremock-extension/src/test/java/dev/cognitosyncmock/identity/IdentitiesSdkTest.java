package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.DeveloperUserAlreadyRegisteredException;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/**
 * Identities, logins, developer identities, tokens and credentials through the SDK v2 client
 * (H20..H46).
 */
class IdentitiesSdkTest extends IdentitySdkTestSupport {
  static final String UNKNOWN_ID = "us-east-1:00000000-0000-4000-8000-00000000dead";
  String pool;

  @BeforeEach
  void startMock() {
    start();
    pool = createPool();
  }

  /** An unsigned JWT naming a user: the mock derives the user key from iss and sub (H23). */
  static String jwt(String iss, String sub) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes())
        + "."
        + b64.encodeToString(
            ("{\"iss\":\""
                    + iss
                    + "\",\"sub\":\""
                    + sub
                    + "\",\"email\":\""
                    + sub
                    + "@admin.example\"}")
                .getBytes())
        + ".sig";
  }

  String guest() {
    return identity.getId(r -> r.identityPoolId(pool)).identityId();
  }

  @Test
  @DisplayName(
      "H24 H9 H7: GetId without logins (or with {}) creates a new guest each call, prefixed by the pool's region")
  void H24_guests() {
    String a = guest();
    String b = identity.getId(r -> r.identityPoolId(pool).logins(Map.of())).identityId();
    assertThat(a).isNotEqualTo(b).matches("us-east-1:[0-9a-f-]{36}");
    String closed =
        identity
            .createIdentityPool(
                r -> r.identityPoolName("closed").allowUnauthenticatedIdentities(false))
            .identityPoolId();
    assertError(
        () -> identity.getId(r -> r.identityPoolId(closed)),
        NotAuthorizedException.class,
        "Unauthenticated access is not supported for this identity pool.");
    assertError(
        () -> identity.getId(r -> r.identityPoolId(UNKNOWN_ID)),
        ResourceNotFoundException.class,
        "IdentityPool '" + UNKNOWN_ID + "' not found.");
  }

  @Test
  @DisplayName(
      "H25 H23: GetId with logins returns the identity owning the user (JWT by iss|sub, other tokens by value)")
  void H25_loginsResolveToOneIdentity() {
    String token = jwt("https://accounts.google.com", "user-1");
    String first =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", token)))
            .identityId();
    // a fresh JWT for the same user (different other claims) finds the same identity
    String again =
        identity
            .getId(
                r ->
                    r.identityPoolId(pool)
                        .logins(
                            Map.of(
                                "accounts.google.com",
                                jwt("https://accounts.google.com", "user-1"))))
            .identityId();
    assertThat(again).isEqualTo(first);
    String fb =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-token-A")))
            .identityId();
    assertThat(fb).isNotEqualTo(first);
    assertThat(
            identity
                .getId(
                    r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-token-A")))
                .identityId())
        .isEqualTo(fb);
    // H25: two owners merge, the oldest survives; H30: the other is disabled
    String merged =
        identity
            .getId(
                r ->
                    r.identityPoolId(pool)
                        .logins(
                            Map.of(
                                "accounts.google.com", token, "graph.facebook.com", "fb-token-A")))
            .identityId();
    assertThat(merged).isEqualTo(first);
    assertThat(identity.describeIdentity(r -> r.identityId(first)).logins())
        .containsExactlyInAnyOrder("accounts.google.com", "graph.facebook.com");
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(fb)),
        NotAuthorizedException.class,
        "Access to Identity '" + fb + "' is forbidden.");
  }

  @Test
  @DisplayName(
      "H22 H25: an unconfigured provider, the developer key and a Cognito token are refused on GetId")
  void H22_providerChecks() {
    assertError(
        () -> identity.getId(r -> r.identityPoolId(pool).logins(Map.of("www.amazon.com", "t"))),
        NotAuthorizedException.class,
        "Token is not from a supported provider of this identity pool.");
    assertError(
        () -> identity.getId(r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "u"))),
        NotAuthorizedException.class,
        "Token is not from a supported provider of this identity pool.");
    assertError(
        () ->
            identity.getId(
                r -> r.identityPoolId(pool).logins(Map.of("cognito-identity.amazonaws.com", "t"))),
        NotAuthorizedException.class,
        "Invalid login token. Can't pass in a Cognito token.");
    String bare =
        identity
            .createIdentityPool(
                r -> r.identityPoolName("bare").allowUnauthenticatedIdentities(true))
            .identityPoolId();
    assertError(
        () -> identity.getId(r -> r.identityPoolId(bare).logins(Map.of("graph.facebook.com", "t"))),
        NotAuthorizedException.class,
        "Logins don't match.");
  }

  @Test
  @DisplayName("H21 H6: an empty login token is a ValidationException at 'logins'")
  void H21_emptyToken() {
    assertErrorCode(
        () -> identity.getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", ""))),
        "ValidationException",
        "at 'logins");
  }

  @Test
  @DisplayName(
      "H44 H45 H46: guest credentials: ASIA key, 40-char secret, session token, expiry an hour ahead, the unauthenticated role")
  void H44_guestCredentials() {
    String id = guest();
    var response = identity.getCredentialsForIdentity(r -> r.identityId(id));
    assertThat(response.identityId()).isEqualTo(id);
    var c = response.credentials();
    assertThat(c.accessKeyId()).matches("ASIA[A-Z0-9]{16}");
    assertThat(c.secretKey()).hasSize(40);
    assertThat(c.sessionToken()).isNotBlank();
    assertThat(c.expiration())
        .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
    var again = identity.getCredentialsForIdentity(r -> r.identityId(id)).credentials();
    assertThat(again.accessKeyId()).isNotEqualTo(c.accessKeyId());
    assertThat(again.sessionToken()).isNotEqualTo(c.sessionToken());
  }

  @Test
  @DisplayName("H46: a missing role is InvalidIdentityPoolConfigurationException")
  void H46_missingRole() {
    String noRoles =
        identity
            .createIdentityPool(
                r -> r.identityPoolName("noroles").allowUnauthenticatedIdentities(true))
            .identityPoolId();
    String id = identity.getId(r -> r.identityPoolId(noRoles)).identityId();
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(id)),
        InvalidIdentityPoolConfigurationException.class,
        "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
  }

  @Test
  @DisplayName("H46: a Rules mapping picks the first matching rule; Deny refuses when none matches")
  void H46_rulesMapping() {
    identity.setIdentityPoolRoles(
        r ->
            r.identityPoolId(pool)
                .roles(Map.of("authenticated", AUTH_ROLE))
                .roleMappings(
                    Map.of(
                        "accounts.google.com",
                        software.amazon.awssdk.services.cognitoidentity.model.RoleMapping.builder()
                            .type("Rules")
                            .ambiguousRoleResolution("Deny")
                            .rulesConfiguration(
                                c ->
                                    c.rules(
                                        software.amazon.awssdk.services.cognitoidentity.model
                                            .MappingRule.builder()
                                            .claim("email")
                                            .matchType("Contains")
                                            .value("@admin")
                                            .roleARN("arn:aws:iam::123456789012:role/Admin")
                                            .build()))
                            .build())));
    String token = jwt("https://accounts.google.com", "boss");
    String id =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", token)))
            .identityId();
    assertThat(
            identity
                .getCredentialsForIdentity(
                    r -> r.identityId(id).logins(Map.of("accounts.google.com", token)))
                .credentials()
                .accessKeyId())
        .startsWith("ASIA");
    String plain = "not-a-jwt";
    String other =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", plain)))
            .identityId();
    assertError(
        () ->
            identity.getCredentialsForIdentity(
                r -> r.identityId(other).logins(Map.of("accounts.google.com", plain))),
        NotAuthorizedException.class,
        "The ambiguous role mapping rules denied this request.");
  }

  @Test
  @DisplayName(
      "H27: unknown identity; authenticated identity without logins; logins that do not match")
  void H27_checks() {
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(UNKNOWN_ID)),
        ResourceNotFoundException.class,
        "Identity '" + UNKNOWN_ID + "' not found.");
    String id =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-1")))
            .identityId();
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(id)),
        NotAuthorizedException.class,
        "Access to Identity '" + id + "' is forbidden.");
    assertError(
        () -> identity.getOpenIdToken(r -> r.identityId(id).logins(Map.of())),
        NotAuthorizedException.class,
        "is forbidden.");
    assertError(
        () ->
            identity.getCredentialsForIdentity(
                r -> r.identityId(id).logins(Map.of("accounts.google.com", "someone-new"))),
        NotAuthorizedException.class,
        "Logins don't match. Please include at least one valid login for this identity or identity pool.");
    assertThat(
            identity
                .getCredentialsForIdentity(
                    r -> r.identityId(id).logins(Map.of("graph.facebook.com", "fb-1")))
                .identityId())
        .isEqualTo(id);
  }

  @Test
  @DisplayName(
      "H28: GCFI with a new login upgrades a guest in place; H26: a second user of a provider is ResourceConflict")
  void H28_linking() {
    String id = guest();
    assertThat(
            identity
                .getCredentialsForIdentity(
                    r -> r.identityId(id).logins(Map.of("graph.facebook.com", "fb-2")))
                .identityId())
        .isEqualTo(id);
    assertThat(identity.describeIdentity(r -> r.identityId(id)).logins())
        .containsExactly("graph.facebook.com");
    // more logins link in place too
    assertThat(
            identity
                .getCredentialsForIdentity(
                    r ->
                        r.identityId(id)
                            .logins(
                                Map.of("graph.facebook.com", "fb-2", "accounts.google.com", "g-1")))
                .identityId())
        .isEqualTo(id);
    assertError(
        () ->
            identity.getCredentialsForIdentity(
                r ->
                    r.identityId(id)
                        .logins(
                            Map.of(
                                "graph.facebook.com", "fb-2", "accounts.google.com", "g-other"))),
        ResourceConflictException.class,
        "accounts.google.com");
  }

  @Test
  @DisplayName(
      "H26 H29: two users of one public provider in one identity is ResourceConflictException")
  void H26_conflict() {
    String id =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-3")))
            .identityId();
    identity.getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", "g-3")));
    // fb-3 proves id; g-3 belongs to another identity that has no Facebook user: a merge, fine
    assertThat(
            identity
                .getCredentialsForIdentity(
                    r ->
                        r.identityId(id)
                            .logins(
                                Map.of("graph.facebook.com", "fb-3", "accounts.google.com", "g-3")))
                .identityId())
        .isNotEqualTo(id);
    String other =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-4")))
            .identityId();
    String g4 =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", "g-4")))
            .identityId();
    identity.getCredentialsForIdentity(
        r ->
            r.identityId(g4)
                .logins(Map.of("accounts.google.com", "g-4", "graph.facebook.com", "fb-5")));
    // other (fb-4) meets fb-5's identity: two Facebook users in one identity
    assertError(
        () ->
            identity.getCredentialsForIdentity(
                r ->
                    r.identityId(other)
                        .logins(
                            Map.of("graph.facebook.com", "fb-4", "accounts.google.com", "g-4"))),
        ResourceConflictException.class,
        "graph.facebook.com");
  }

  @Test
  @DisplayName(
      "H29 H30 H48: a guest presenting another identity's login merges into it; the guest is disabled but still listed")
  void H29_implicitMerge() {
    String owner =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-6")))
            .identityId();
    String guest = guest();
    var merged =
        identity.getCredentialsForIdentity(
            r -> r.identityId(guest).logins(Map.of("graph.facebook.com", "fb-6")));
    assertThat(merged.identityId()).isEqualTo(owner);
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(guest)),
        NotAuthorizedException.class,
        "Access to Identity '" + guest + "' is forbidden.");
    var all = identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60));
    assertThat(all.identities()).extracting(i -> i.identityId()).contains(guest, owner);
    var visible =
        identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60).hideDisabled(true));
    assertThat(visible.identities())
        .extracting(i -> i.identityId())
        .contains(owner)
        .doesNotContain(guest);
    assertThat(identity.describeIdentity(r -> r.identityId(guest)).identityId()).isEqualTo(guest);
  }

  @Test
  @DisplayName(
      "H31: UnlinkIdentity removes named links; an unlinked provider is InvalidParameter; the user is new next time")
  void H31_unlink() {
    String id =
        identity
            .getId(
                r ->
                    r.identityPoolId(pool)
                        .logins(Map.of("graph.facebook.com", "fb-7", "accounts.google.com", "g-7")))
            .identityId();
    assertError(
        () ->
            identity.unlinkIdentity(
                r ->
                    r.identityId(id)
                        .logins(Map.of("graph.facebook.com", "fb-7"))
                        .loginsToRemove("www.amazon.com")),
        InvalidParameterException.class,
        "www.amazon.com");
    identity.unlinkIdentity(
        r ->
            r.identityId(id)
                .logins(Map.of("graph.facebook.com", "fb-7"))
                .loginsToRemove("accounts.google.com"));
    assertThat(identity.describeIdentity(r -> r.identityId(id)).logins())
        .containsExactly("graph.facebook.com");
    String fresh =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("accounts.google.com", "g-7")))
            .identityId();
    assertThat(fresh).isNotEqualTo(id);
    assertError(
        () ->
            identity.unlinkIdentity(
                r ->
                    r.identityId(UNKNOWN_ID)
                        .logins(Map.of("graph.facebook.com", "x"))
                        .loginsToRemove("graph.facebook.com")),
        ResourceNotFoundException.class,
        "not found");
  }

  @Test
  @DisplayName(
      "H32 H33 H34: DeleteIdentities forgets identities and links; Describe lists provider names only; List pages")
  void H32_H33_H34_deleteDescribeList() {
    String a =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-8")))
            .identityId();
    String b = guest();
    String c = guest();
    var described = identity.describeIdentity(r -> r.identityId(a));
    assertThat(described.logins()).containsExactly("graph.facebook.com");
    assertThat(described.creationDate()).isNotNull();
    assertThat(described.lastModifiedDate()).isNotNull();
    assertThat(identity.describeIdentity(r -> r.identityId(b)).hasLogins()).isFalse();
    var page1 = identity.listIdentities(r -> r.identityPoolId(pool).maxResults(2));
    assertThat(page1.identityPoolId()).isEqualTo(pool);
    assertThat(page1.identities()).extracting(i -> i.identityId()).containsExactly(a, b);
    var page2 =
        identity.listIdentities(
            r -> r.identityPoolId(pool).maxResults(2).nextToken(page1.nextToken()));
    assertThat(page2.identities()).extracting(i -> i.identityId()).containsExactly(c);
    var deleted = identity.deleteIdentities(r -> r.identityIdsToDelete(a, UNKNOWN_ID));
    assertThat(deleted.unprocessedIdentityIds()).isEmpty();
    assertError(
        () -> identity.describeIdentity(r -> r.identityId(a)),
        ResourceNotFoundException.class,
        "Identity '" + a + "' not found.");
    assertThat(
            identity
                .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-8")))
                .identityId())
        .isNotEqualTo(a);
    assertError(
        () -> identity.listIdentities(r -> r.identityPoolId(UNKNOWN_ID).maxResults(5)),
        ResourceNotFoundException.class,
        "not found");
    assertError(
        () ->
            identity.listIdentities(r -> r.identityPoolId(pool).maxResults(5).nextToken("garbage")),
        InvalidParameterException.class,
        "NextToken");
  }

  @Test
  @DisplayName(
      "H35 H37 H41 H42: GetOpenIdTokenForDeveloperIdentity creates or finds the user's identity; the token carries the claims")
  void H35_developerTokens() throws Exception {
    var first =
        identity.getOpenIdTokenForDeveloperIdentity(
            r ->
                r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")).tokenDuration(1200L));
    var again =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")));
    assertThat(again.identityId()).isEqualTo(first.identityId());
    SignedJWT jwt = SignedJWT.parse(first.token());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS512");
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWS");
    assertThat(jwt.getHeader().getKeyID()).isNotBlank();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://cognito-identity.amazonaws.com");
    assertThat(claims.getAudience()).containsExactly(pool);
    assertThat(claims.getSubject()).isEqualTo(first.identityId());
    assertThat(claims.getStringListClaim("amr"))
        .containsExactly("authenticated", "login.myapp", "login.myapp:" + pool + ":alice");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(1_200_000);
    assertThat(
            SignedJWT.parse(again.token()).getJWTClaimsSet().getExpirationTime().getTime()
                - SignedJWT.parse(again.token()).getJWTClaimsSet().getIssueTime().getTime())
        .isEqualTo(900_000);
    assertThat(claims.getStringClaim("https://cognito-identity.amazonaws.com/identity-pool-arn"))
        .isEqualTo("arn:aws:cognito-identity:us-east-1:123456789012:identitypool/" + pool);
    assertError(
        () ->
            identity.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(pool).logins(Map.of("other.provider", "alice"))),
        NotAuthorizedException.class,
        "This identity pool does not support the specified developer provider");
    assertErrorCode(
        () ->
            identity.getOpenIdTokenForDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .logins(Map.of("login.myapp", "alice"))
                        .tokenDuration(86401L)),
        "ValidationException",
        "tokenDuration");
  }

  @Test
  @DisplayName(
      "H41 H42: GetOpenIdToken lasts 600 s; a guest's amr is [unauthenticated]; H11 classic flow off refuses it")
  void H41_openIdToken() throws Exception {
    String id = guest();
    var token = identity.getOpenIdToken(r -> r.identityId(id));
    var claims = SignedJWT.parse(token.token()).getJWTClaimsSet();
    assertThat(claims.getStringListClaim("amr")).containsExactly("unauthenticated");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(600_000);
    String fb =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "fb-9")))
            .identityId();
    var authClaims =
        SignedJWT.parse(
                identity
                    .getOpenIdToken(
                        r -> r.identityId(fb).logins(Map.of("graph.facebook.com", "fb-9")))
                    .token())
            .getJWTClaimsSet();
    assertThat(authClaims.getStringListClaim("amr"))
        .containsExactly("authenticated", "graph.facebook.com", "graph.facebook.com:fb-9");
    String noClassic =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("noclassic")
                        .allowUnauthenticatedIdentities(true)
                        .allowClassicFlow(false))
            .identityPoolId();
    String nid = identity.getId(r -> r.identityPoolId(noClassic)).identityId();
    assertError(
        () -> identity.getOpenIdToken(r -> r.identityId(nid)),
        InvalidParameterException.class,
        "Basic (classic) flow is not enabled, please use enhanced flow.");
  }

  @Test
  @DisplayName(
      "H43: GCFI accepts the mock's own token under cognito-identity.amazonaws.com; anything else is 'Not a Cognito token.'")
  void H43_cognitoTokenLogin() {
    var dev =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "bob")));
    var creds =
        identity.getCredentialsForIdentity(
            r ->
                r.identityId(dev.identityId())
                    .logins(Map.of("cognito-identity.amazonaws.com", dev.token())));
    assertThat(creds.identityId()).isEqualTo(dev.identityId());
    assertError(
        () ->
            identity.getCredentialsForIdentity(
                r ->
                    r.identityId(dev.identityId())
                        .logins(
                            Map.of(
                                "cognito-identity.amazonaws.com",
                                IdentitiesSdkTest.jwt("x", "y")))),
        NotAuthorizedException.class,
        "Invalid login token. Not a Cognito token.");
  }

  @Test
  @DisplayName(
      "H36: the developer user of an authenticated identity cannot be claimed by another: DeveloperUserAlreadyRegistered")
  void H36_alreadyRegistered() {
    var alice =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")));
    var carol =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "carol")));
    assertError(
        () ->
            identity.getOpenIdTokenForDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .identityId(carol.identityId())
                        .logins(Map.of("login.myapp", "alice"))),
        DeveloperUserAlreadyRegisteredException.class,
        "alice");
    // a guest named with a known user merges into the user's identity
    String g = guest();
    var merged =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).identityId(g).logins(Map.of("login.myapp", "alice")));
    assertThat(merged.identityId()).isEqualTo(alice.identityId());
    // a guest named with a new user gets the link in place
    String g2 = guest();
    assertThat(
            identity
                .getOpenIdTokenForDeveloperIdentity(
                    r ->
                        r.identityPoolId(pool).identityId(g2).logins(Map.of("login.myapp", "dave")))
                .identityId())
        .isEqualTo(g2);
  }

  @Test
  @DisplayName("H38: LookupDeveloperIdentity by user, by identity, both disagreeing, neither")
  void H38_lookup() {
    var alice =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")));
    var bob =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "bob")));
    assertThat(
            identity
                .lookupDeveloperIdentity(
                    r -> r.identityPoolId(pool).developerUserIdentifier("alice"))
                .identityId())
        .isEqualTo(alice.identityId());
    assertThat(
            identity
                .lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(bob.identityId()))
                .developerUserIdentifierList())
        .containsExactly("bob");
    assertError(
        () ->
            identity.lookupDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .identityId(bob.identityId())
                        .developerUserIdentifier("alice")),
        ResourceConflictException.class,
        "alice");
    assertError(
        () -> identity.lookupDeveloperIdentity(r -> r.identityPoolId(pool)),
        InvalidParameterException.class,
        "DeveloperUserIdentifier");
    assertError(
        () ->
            identity.lookupDeveloperIdentity(
                r -> r.identityPoolId(pool).developerUserIdentifier("nobody")),
        ResourceNotFoundException.class,
        "nobody");
  }

  @Test
  @DisplayName(
      "H39 H40: MergeDeveloperIdentities absorbs the source into the destination; UnlinkDeveloperIdentity frees the user")
  void H39_H40_mergeAndUnlink() {
    var alice =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "alice")));
    var bob =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "bob")));
    String survivor =
        identity
            .mergeDeveloperIdentities(
                r ->
                    r.identityPoolId(pool)
                        .developerProviderName("login.myapp")
                        .sourceUserIdentifier("bob")
                        .destinationUserIdentifier("alice"))
            .identityId();
    assertThat(survivor).isEqualTo(alice.identityId());
    assertThat(
            identity
                .lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(survivor))
                .developerUserIdentifierList())
        .containsExactly("alice", "bob");
    assertError(
        () -> identity.getCredentialsForIdentity(r -> r.identityId(bob.identityId())),
        NotAuthorizedException.class,
        "forbidden");
    // same identity: a no-op
    assertThat(
            identity
                .mergeDeveloperIdentities(
                    r ->
                        r.identityPoolId(pool)
                            .developerProviderName("login.myapp")
                            .sourceUserIdentifier("bob")
                            .destinationUserIdentifier("alice"))
                .identityId())
        .isEqualTo(survivor);
    assertError(
        () ->
            identity.mergeDeveloperIdentities(
                r ->
                    r.identityPoolId(pool)
                        .developerProviderName("wrong.app")
                        .sourceUserIdentifier("bob")
                        .destinationUserIdentifier("alice")),
        InvalidParameterException.class,
        "wrong.app");
    assertError(
        () ->
            identity.mergeDeveloperIdentities(
                r ->
                    r.identityPoolId(pool)
                        .developerProviderName("login.myapp")
                        .sourceUserIdentifier("nobody")
                        .destinationUserIdentifier("alice")),
        ResourceNotFoundException.class,
        "nobody");
    assertError(
        () ->
            identity.unlinkDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .identityId(survivor)
                        .developerProviderName("login.myapp")
                        .developerUserIdentifier("zed")),
        ResourceConflictException.class,
        "zed");
    identity.unlinkDeveloperIdentity(
        r ->
            r.identityPoolId(pool)
                .identityId(survivor)
                .developerProviderName("login.myapp")
                .developerUserIdentifier("bob"));
    var fresh =
        identity.getOpenIdTokenForDeveloperIdentity(
            r -> r.identityPoolId(pool).logins(Map.of("login.myapp", "bob")));
    assertThat(fresh.identityId()).isNotEqualTo(survivor).isNotEqualTo(bob.identityId());
    assertError(
        () ->
            identity.unlinkDeveloperIdentity(
                r ->
                    r.identityPoolId(pool)
                        .identityId(UNKNOWN_ID)
                        .developerProviderName("login.myapp")
                        .developerUserIdentifier("bob")),
        ResourceNotFoundException.class,
        "not found");
  }
}
