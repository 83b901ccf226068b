package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IdentityJson;
import dev.cognitosyncmock.identity.IdentityStateDocument;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.WireJson;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cognito Identity's admin routes below {@code /__admin/cognito-sync/}:
 * <ul>
 *   <li>{@code GET /identity/state} exports the identity state (pools, identities, logins, live
 *       credentials, the OpenID signing key); {@code PUT} or {@code POST} replaces it (seeding);</li>
 *   <li>{@code POST /reset} also forgets the identity state (then Sync's reset runs);</li>
 *   <li>{@code POST /merges} of two identities Cognito Identity knows is an identity merge (H30):
 *       the absorbed identity is disabled, its logins move, its Sync datasets merge (E3).
 *       Identities only Sync knows keep the Sync-only merge.</li>
 * </ul>
 */
public final class IdentityAdminRoutes implements AdminRoutes {
  private final IdentityEngine engine;

  public IdentityAdminRoutes(IdentityEngine engine) {
    this.engine = engine;
  }

  @Override
  public ProtocolResponse handle(String method, String path, byte[] body) {
    String route = method + " " + path;
    try {
      switch (route) {
        case "GET " + AdminApi.PREFIX + "/identity/state":
          return json(200, IdentityJson.MAPPER.valueToTree(engine.exportState()));
        case "PUT " + AdminApi.PREFIX + "/identity/state", "POST " + AdminApi.PREFIX + "/identity/state": {
          IdentityStateDocument document = readState(body);
          engine.importState(document);
          return json(200, message("Imported " + engine.pools().size() + " identity pools"));
        }
        case "POST " + AdminApi.PREFIX + "/reset":
          engine.reset();
          return null; // Sync's reset runs next
        case "POST " + AdminApi.PREFIX + "/merges": {
          JsonNode in = body.length == 0 ? WireJson.MAPPER.createObjectNode() : WireJson.MAPPER.readTree(body);
          String pool = in.path("IdentityPoolId").asString("");
          String survivor = in.path("SurvivorIdentityId").asString("");
          String absorbed = in.path("AbsorbedIdentityId").asString("");
          if (!engine.knowsIdentity(pool, survivor) || !engine.knowsIdentity(pool, absorbed)) {
            return null;
          }
          List<String> names = engine.mergeIdentities(pool, survivor, absorbed);
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.set("MergedDatasetNames", WireJson.MAPPER.valueToTree(names));
          return json(200, out);
        }
        default:
          return null;
      }
    } catch (ServiceException e) {
      return json(e.shape().name().equals("ResourceNotFoundException") ? 404 : 400, message(e.getMessage()));
    } catch (JacksonException | IllegalArgumentException e) {
      return json(400, message("Invalid identity state document: " + e.getMessage()));
    }
  }

  /** Reads an identity state document strictly: unknown members are refused. */
  public static IdentityStateDocument readState(byte[] json) {
    if (json.length == 0) {
      throw new IllegalArgumentException("A document is required");
    }
    return IdentityJson.MAPPER.readValue(json, IdentityStateDocument.class);
  }

  private static ObjectNode message(String text) {
    ObjectNode o = WireJson.MAPPER.createObjectNode();
    o.put("message", text);
    return o;
  }

  private static ProtocolResponse json(int status, JsonNode body) {
    return new ProtocolResponse(status, Map.of("Content-Type", "application/json"),
        WireJson.MAPPER.writeValueAsBytes(body));
  }
}
