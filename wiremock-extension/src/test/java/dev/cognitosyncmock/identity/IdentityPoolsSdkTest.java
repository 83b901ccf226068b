package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRule;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;

/** Identity pools through the SDK v2 CognitoIdentityClient (IDENTITY.md H10..H19). */
class IdentityPoolsSdkTest extends IdentitySdkTestSupport {

  @BeforeEach
  void startMock() {
    start();
  }

  @Test
  @DisplayName(
      "H10 H7: CreateIdentityPool returns the pool, unset members left out, tags {} and a region-prefixed id")
  void H10_create() {
    var created =
        identity.createIdentityPool(
            r -> r.identityPoolName("my pool").allowUnauthenticatedIdentities(false));
    assertThat(created.identityPoolId()).matches("us-east-1:[0-9a-f-]{36}");
    assertThat(created.identityPoolName()).isEqualTo("my pool");
    assertThat(created.allowUnauthenticatedIdentities()).isFalse();
    assertThat(created.allowClassicFlow()).isNull(); // H11: absent unless given
    assertThat(created.developerProviderName()).isNull();
    assertThat(created.identityPoolTags()).isEmpty();
    assertThat(created.hasIdentityPoolTags()).isTrue();
    assertThat(created.hasSupportedLoginProviders()).isFalse();
  }

  @Test
  @DisplayName(
      "H6 H10: a name off the model's pattern is a ValidationException naming the member in camelCase")
  void H6_invalidName() {
    assertErrorCode(
        () ->
            identity.createIdentityPool(
                r -> r.identityPoolName("bad/name").allowUnauthenticatedIdentities(true)),
        "ValidationException",
        "at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
    assertThat(identity.listIdentityPools(r -> r.maxResults(60)).identityPools()).isEmpty();
  }

  @Test
  @DisplayName(
      "H12: a user-pool provider without ProviderName is InvalidParameterException 'Invalid Cognito Identity Provider'")
  void H12_cognitoProviderWithoutName() {
    assertError(
        () ->
            identity.createIdentityPool(
                r ->
                    r.identityPoolName("p")
                        .allowUnauthenticatedIdentities(true)
                        .cognitoIdentityProviders(
                            CognitoIdentityProvider.builder().clientId("abc").build())),
        InvalidParameterException.class,
        "Invalid Cognito Identity Provider");
  }

  @Test
  @DisplayName(
      "H15: Describe of an unknown pool is ResourceNotFoundException \"IdentityPool '<id>' not found.\"")
  void H15_describeUnknown() {
    String unknown = "us-east-1:00000000-0000-0000-0000-000000000000";
    assertError(
        () -> identity.describeIdentityPool(r -> r.identityPoolId(unknown)),
        ResourceNotFoundException.class,
        "IdentityPool '" + unknown + "' not found.");
    assertError(
        () -> identity.deleteIdentityPool(r -> r.identityPoolId(unknown)),
        ResourceNotFoundException.class,
        "not found");
    assertError(
        () -> identity.getIdentityPoolRoles(r -> r.identityPoolId(unknown)),
        ResourceNotFoundException.class,
        "not found");
  }

  @Test
  @DisplayName(
      "H13 H14: Update replaces the pool; DeveloperProviderName is kept when absent and cannot change; tags kept when absent")
  void H13_H14_update() {
    String pool =
        identity
            .createIdentityPool(
                r ->
                    r.identityPoolName("p")
                        .allowUnauthenticatedIdentities(true)
                        .allowClassicFlow(true)
                        .developerProviderName("login.app")
                        .supportedLoginProviders(Map.of("graph.facebook.com", "fb"))
                        .identityPoolTags(Map.of("team", "a")))
            .identityPoolId();
    var updated =
        identity.updateIdentityPool(
            r ->
                r.identityPoolId(pool)
                    .identityPoolName("renamed")
                    .allowUnauthenticatedIdentities(false));
    assertThat(updated.identityPoolName()).isEqualTo("renamed");
    assertThat(updated.allowClassicFlow()).isNull();
    assertThat(updated.hasSupportedLoginProviders()).isFalse();
    assertThat(updated.developerProviderName()).isEqualTo("login.app");
    assertThat(updated.identityPoolTags()).containsEntry("team", "a");
    assertError(
        () ->
            identity.updateIdentityPool(
                r ->
                    r.identityPoolId(pool)
                        .identityPoolName("x")
                        .allowUnauthenticatedIdentities(false)
                        .developerProviderName("other.app")),
        InvalidParameterException.class,
        "DeveloperProviderName");
    DescribeIdentityPoolResponse described =
        identity.describeIdentityPool(r -> r.identityPoolId(pool));
    assertThat(described.identityPoolName()).isEqualTo("renamed");
  }

  @Test
  @DisplayName(
      "H15: ListIdentityPools pages in creation order with NextToken; DeleteIdentityPool removes the pool")
  void H15_listAndDelete() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      ids.add(
          identity
              .createIdentityPool(
                  r -> r.identityPoolName("pool" + n).allowUnauthenticatedIdentities(true))
              .identityPoolId());
    }
    var first = identity.listIdentityPools(r -> r.maxResults(3));
    assertThat(first.identityPools())
        .extracting(p -> p.identityPoolId())
        .containsExactlyElementsOf(ids.subList(0, 3));
    assertThat(first.identityPools().get(0).identityPoolName()).isEqualTo("pool0");
    var second = identity.listIdentityPools(r -> r.maxResults(3).nextToken(first.nextToken()));
    assertThat(second.identityPools())
        .extracting(p -> p.identityPoolId())
        .containsExactlyElementsOf(ids.subList(3, 5));
    assertThat(second.nextToken()).isNull();
    assertErrorCode(
        () -> identity.listIdentityPools(r -> r.maxResults(61)),
        "ValidationException",
        "maxResults");
    identity.deleteIdentityPool(r -> r.identityPoolId(ids.get(0)));
    assertThat(identity.listIdentityPools(r -> r.maxResults(60)).identityPools()).hasSize(4);
  }

  @Test
  @DisplayName("H16: Set/GetIdentityPoolRoles; a RoleMappings key must name a configured provider")
  void H16_roles() {
    String pool = createPool();
    RoleMapping rules =
        RoleMapping.builder()
            .type("Rules")
            .ambiguousRoleResolution("AuthenticatedRole")
            .rulesConfiguration(
                c ->
                    c.rules(
                        MappingRule.builder()
                            .claim("email")
                            .matchType("Contains")
                            .value("@admin")
                            .roleARN("arn:aws:iam::123456789012:role/Admin")
                            .build()))
            .build();
    identity.setIdentityPoolRoles(
        r ->
            r.identityPoolId(pool)
                .roles(Map.of("authenticated", AUTH_ROLE))
                .roleMappings(Map.of("accounts.google.com", rules)));
    var roles = identity.getIdentityPoolRoles(r -> r.identityPoolId(pool));
    assertThat(roles.identityPoolId()).isEqualTo(pool);
    assertThat(roles.roles()).containsExactly(Map.entry("authenticated", AUTH_ROLE));
    assertThat(
            roles
                .roleMappings()
                .get("accounts.google.com")
                .rulesConfiguration()
                .rules()
                .get(0)
                .roleARN())
        .isEqualTo("arn:aws:iam::123456789012:role/Admin");
    assertError(
        () ->
            identity.setIdentityPoolRoles(
                r ->
                    r.identityPoolId(pool)
                        .roles(Map.of())
                        .roleMappings(Map.of("www.amazon.com", rules))),
        InvalidParameterException.class,
        "www.amazon.com is not a valid RoleMapping ProviderName or is not a configured provider.");
    assertErrorCode(
        () ->
            identity.setIdentityPoolRoles(
                r -> r.identityPoolId(pool).roles(Map.of("admin", AUTH_ROLE))),
        "ValidationException",
        "roles");
  }

  @Test
  @DisplayName(
      "H17: TagResource merges, UntagResource removes, ListTagsForResource answers {} when none; unknown ARN is ResourceNotFound")
  void H17_tags() {
    String pool = createPool();
    String arn = "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/" + pool;
    assertThat(identity.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEmpty();
    identity.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
    identity.tagResource(r -> r.resourceArn(arn).tags(Map.of("c", "3")));
    identity.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
    assertThat(identity.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .containsOnlyKeys("b", "c");
    assertThat(identity.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolTags())
        .containsOnlyKeys("b", "c");
    String unknown = arn.replace(pool, "us-east-1:00000000-0000-0000-0000-000000000000");
    assertError(
        () -> identity.listTagsForResource(r -> r.resourceArn(unknown)),
        ResourceNotFoundException.class,
        unknown);
    assertError(
        () -> identity.tagResource(r -> r.resourceArn(unknown).tags(Map.of("a", "1"))),
        ResourceNotFoundException.class,
        unknown);
    assertError(
        () -> identity.untagResource(r -> r.resourceArn(unknown).tagKeys("a")),
        ResourceNotFoundException.class,
        unknown);
  }

  @Test
  @DisplayName(
      "H18: Get for an unset provider is UseDefaults true with no tags; Set is echoed and kept")
  void H18_principalTags() {
    String pool = createPool();
    var unset =
        identity.getPrincipalTagAttributeMap(
            r -> r.identityPoolId(pool).identityProviderName("accounts.google.com"));
    assertThat(unset.useDefaults()).isTrue();
    assertThat(unset.principalTags()).isEmpty();
    var set =
        identity.setPrincipalTagAttributeMap(
            r ->
                r.identityPoolId(pool)
                    .identityProviderName("accounts.google.com")
                    .useDefaults(false)
                    .principalTags(Map.of("email", "email")));
    assertThat(set.identityPoolId()).isEqualTo(pool);
    assertThat(set.identityProviderName()).isEqualTo("accounts.google.com");
    assertThat(set.useDefaults()).isFalse();
    var got =
        identity.getPrincipalTagAttributeMap(
            r -> r.identityPoolId(pool).identityProviderName("accounts.google.com"));
    assertThat(got.principalTags()).containsEntry("email", "email");
    assertThat(got.useDefaults()).isFalse();
    String unknown = "us-east-1:00000000-0000-0000-0000-000000000000";
    assertError(
        () ->
            identity.getPrincipalTagAttributeMap(
                r -> r.identityPoolId(unknown).identityProviderName("accounts.google.com")),
        ResourceNotFoundException.class,
        "not found");
    assertError(
        () ->
            identity.setPrincipalTagAttributeMap(
                r -> r.identityPoolId(unknown).identityProviderName("accounts.google.com")),
        ResourceNotFoundException.class,
        "not found");
  }

  @Test
  @DisplayName("H19: the 1001st CreateIdentityPool is LimitExceededException")
  void H19_poolQuota() {
    for (int i = 0; i < IdentityEngine.MAX_POOLS; i++) {
      server
          .service()
          .identity()
          .engine()
          .createIdentityPool(
              new PoolConfig(null, "p" + i, true, null, null, null, null, null, null, null));
    }
    assertError(
        () ->
            identity.createIdentityPool(
                r -> r.identityPoolName("one too many").allowUnauthenticatedIdentities(true)),
        software.amazon.awssdk.services.cognitoidentity.model.LimitExceededException.class,
        "1000");
  }
}
