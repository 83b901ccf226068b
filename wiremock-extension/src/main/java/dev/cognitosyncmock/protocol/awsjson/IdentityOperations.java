package dev.cognitosyncmock.protocol.awsjson;

import static java.util.Map.entry;

import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IdentityJson;
import dev.cognitosyncmock.identity.IssuedCredentials;
import dev.cognitosyncmock.identity.PoolConfig;
import dev.cognitosyncmock.identity.RoleMapping;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.EpochSeconds;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.OperationHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one table of Cognito Identity's 23 operations: each binds its input to the engine and shapes
 * the output.
 */
public final class IdentityOperations {
  private IdentityOperations() {}

  public static Map<String, OperationHandler> table(IdentityEngine engine) {
    return Map.ofEntries(
        entry("CreateIdentityPool", c -> pool(engine.createIdentityPool(poolConfig(c.input())))),
        entry("DescribeIdentityPool", c -> pool(engine.describeIdentityPool(c.identityPoolId()))),
        entry("UpdateIdentityPool", c -> pool(engine.updateIdentityPool(poolConfig(c.input())))),
        entry(
            "DeleteIdentityPool",
            c -> {
              engine.deleteIdentityPool(c.identityPoolId());
              return null;
            }),
        entry(
            "ListIdentityPools",
            c -> {
              var page = engine.listIdentityPools(c.intValue("MaxResults"), c.string("NextToken"));
              ObjectNode out = object();
              ArrayNode pools = out.putArray("IdentityPools");
              page.items()
                  .forEach(
                      p ->
                          pools
                              .addObject()
                              .put("IdentityPoolId", p.identityPoolId())
                              .put("IdentityPoolName", p.identityPoolName()));
              putString(out, "NextToken", page.nextToken());
              return out;
            }),
        entry(
            "SetIdentityPoolRoles",
            c -> {
              engine.setIdentityPoolRoles(
                  c.identityPoolId(),
                  strings(c.input().get("Roles")),
                  roleMappings(c.input().get("RoleMappings")));
              return null;
            }),
        entry(
            "GetIdentityPoolRoles",
            c -> {
              var roles = engine.getIdentityPoolRoles(c.identityPoolId());
              ObjectNode out = object();
              out.put("IdentityPoolId", roles.identityPoolId());
              if (!roles.roles().isEmpty()) {
                out.set("Roles", IdentityJson.MAPPER.valueToTree(roles.roles()));
              }
              if (!roles.roleMappings().isEmpty()) {
                out.set("RoleMappings", IdentityJson.MAPPER.valueToTree(roles.roleMappings()));
              }
              return out;
            }),
        entry(
            "TagResource",
            c -> {
              engine.tagResource(c.string("ResourceArn"), strings(c.input().get("Tags")));
              return null;
            }),
        entry(
            "UntagResource",
            c -> {
              engine.untagResource(c.string("ResourceArn"), list(c.input().get("TagKeys")));
              return null;
            }),
        entry(
            "ListTagsForResource",
            c -> {
              ObjectNode out = object();
              out.set(
                  "Tags",
                  IdentityJson.MAPPER.valueToTree(
                      engine.listTagsForResource(c.string("ResourceArn"))));
              return out;
            }),
        entry(
            "SetPrincipalTagAttributeMap",
            c ->
                principalTags(
                    c,
                    engine.setPrincipalTagAttributeMap(
                        c.identityPoolId(),
                        c.string("IdentityProviderName"),
                        bool(c, "UseDefaults"),
                        strings(c.input().get("PrincipalTags"))))),
        entry(
            "GetPrincipalTagAttributeMap",
            c ->
                principalTags(
                    c,
                    engine.getPrincipalTagAttributeMap(
                        c.identityPoolId(), c.string("IdentityProviderName")))),
        entry(
            "GetId",
            c ->
                object()
                    .put(
                        "IdentityId",
                        engine.getId(c.identityPoolId(), strings(c.input().get("Logins"))))),
        entry(
            "GetCredentialsForIdentity",
            c -> {
              var result =
                  engine.getCredentialsForIdentity(
                      c.string("IdentityId"),
                      strings(c.input().get("Logins")),
                      c.string("CustomRoleArn"));
              ObjectNode out = object();
              out.put("IdentityId", result.identityId()); // H44: always present
              IssuedCredentials k = result.credentials();
              ObjectNode creds = out.putObject("Credentials");
              creds.put("AccessKeyId", k.accessKeyId());
              creds.put("SecretKey", k.secretKey());
              creds.put("SessionToken", k.sessionToken());
              creds.put("Expiration", EpochSeconds.of(k.expiration()));
              return out;
            }),
        entry(
            "GetOpenIdToken",
            c ->
                token(
                    engine.getOpenIdToken(
                        c.string("IdentityId"), strings(c.input().get("Logins"))))),
        entry(
            "GetOpenIdTokenForDeveloperIdentity",
            c ->
                token(
                    engine.getOpenIdTokenForDeveloperIdentity(
                        c.identityPoolId(),
                        c.string("IdentityId"),
                        strings(c.input().get("Logins")),
                        c.longValue("TokenDuration")))),
        entry(
            "LookupDeveloperIdentity",
            c -> {
              Integer max = c.intValue("MaxResults");
              var found =
                  engine.lookupDeveloperIdentity(
                      c.identityPoolId(),
                      c.string("IdentityId"),
                      c.string("DeveloperUserIdentifier"),
                      max == null ? 60 : max,
                      c.string("NextToken"));
              ObjectNode out = object();
              out.put("IdentityId", found.identityId());
              out.set(
                  "DeveloperUserIdentifierList",
                  IdentityJson.MAPPER.valueToTree(found.developerUserIdentifierList()));
              putString(out, "NextToken", found.nextToken());
              return out;
            }),
        entry(
            "MergeDeveloperIdentities",
            c ->
                object()
                    .put(
                        "IdentityId",
                        engine.mergeDeveloperIdentities(
                            c.identityPoolId(),
                            c.string("DeveloperProviderName"),
                            c.string("SourceUserIdentifier"),
                            c.string("DestinationUserIdentifier")))),
        entry(
            "UnlinkDeveloperIdentity",
            c -> {
              engine.unlinkDeveloperIdentity(
                  c.identityPoolId(),
                  c.string("IdentityId"),
                  c.string("DeveloperProviderName"),
                  c.string("DeveloperUserIdentifier"));
              return null;
            }),
        entry(
            "UnlinkIdentity",
            c -> {
              engine.unlinkIdentity(
                  c.string("IdentityId"),
                  strings(c.input().get("Logins")),
                  list(c.input().get("LoginsToRemove")));
              return null;
            }),
        entry(
            "DeleteIdentities",
            c -> {
              List<String> unprocessed =
                  engine.deleteIdentities(list(c.input().get("IdentityIdsToDelete")));
              ObjectNode out = object();
              out.set("UnprocessedIdentityIds", IdentityJson.MAPPER.valueToTree(unprocessed));
              return out;
            }),
        entry("DescribeIdentity", c -> identity(engine.describeIdentity(c.string("IdentityId")))),
        entry(
            "ListIdentities",
            c -> {
              var page =
                  engine.listIdentities(
                      c.identityPoolId(),
                      c.intValue("MaxResults"),
                      c.string("NextToken"),
                      Boolean.TRUE.equals(bool(c, "HideDisabled")));
              ObjectNode out = object();
              out.put("IdentityPoolId", page.identityPoolId());
              ArrayNode identities = out.putArray("Identities");
              page.identities().forEach(i -> identities.add(identity(i)));
              putString(out, "NextToken", page.nextToken());
              return out;
            }));
  }

  private static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  private static JsonNode pool(PoolConfig pool) {
    return IdentityJson.MAPPER.valueToTree(pool);
  }

  private static PoolConfig poolConfig(ObjectNode input) {
    // the schema has checked every member; only the members PoolConfig models are read
    ObjectNode known = input.deepCopy();
    known.retain(
        "IdentityPoolId",
        "IdentityPoolName",
        "AllowUnauthenticatedIdentities",
        "AllowClassicFlow",
        "SupportedLoginProviders",
        "DeveloperProviderName",
        "OpenIdConnectProviderARNs",
        "CognitoIdentityProviders",
        "SamlProviderARNs",
        "IdentityPoolTags");
    return IdentityJson.MAPPER.treeToValue(known, PoolConfig.class);
  }

  private static Map<String, RoleMapping> roleMappings(JsonNode node) {
    Map<String, RoleMapping> mappings = new LinkedHashMap<>();
    if (node != null) {
      node.properties()
          .forEach(
              e ->
                  mappings.put(
                      e.getKey(),
                      IdentityJson.MAPPER.treeToValue(e.getValue(), RoleMapping.class)));
    }
    return mappings;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
    }
    return map;
  }

  private static List<String> list(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(v -> values.add(v.asString()));
    }
    return values;
  }

  private static Boolean bool(OperationCall c, String member) {
    JsonNode v = c.input().get(member);
    return v == null ? null : v.asBoolean();
  }

  private static ObjectNode token(IdentityEngine.OpenIdToken token) {
    return object().put("IdentityId", token.identityId()).put("Token", token.token());
  }

  private static ObjectNode principalTags(
      OperationCall c, dev.cognitosyncmock.identity.PrincipalTags tags) {
    ObjectNode out = object();
    out.put("IdentityPoolId", c.identityPoolId());
    out.put("IdentityProviderName", c.string("IdentityProviderName"));
    out.put("UseDefaults", tags.useDefaults());
    out.set("PrincipalTags", IdentityJson.MAPPER.valueToTree(tags.principalTags()));
    return out;
  }

  /** H33: provider names only; Logins left out when empty. */
  private static ObjectNode identity(IdentityEngine.IdentityDescription d) {
    ObjectNode out = object();
    out.put("IdentityId", d.identityId());
    if (d.logins() != null) {
      out.set("Logins", IdentityJson.MAPPER.valueToTree(d.logins()));
    }
    putDate(out, "CreationDate", d.creationDate());
    putDate(out, "LastModifiedDate", d.lastModifiedDate());
    return out;
  }

  private static void putDate(ObjectNode o, String name, Instant instant) {
    if (instant != null) {
      o.put(name, EpochSeconds.of(instant));
    }
  }

  private static void putString(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
