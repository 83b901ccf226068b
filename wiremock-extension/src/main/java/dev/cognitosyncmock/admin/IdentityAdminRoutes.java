package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IdentityJson;
import dev.cognitosyncmock.identity.IdentityStateDocument;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cognito Identity's admin routes below {@code /__admin/cognito-sync/}:
 *
 * <ul>
 *   <li>{@code GET /identity/state} exports the identity state (pools, identities, logins, live
 *       credentials, the OpenID signing key); {@code PUT} or {@code POST} replaces it (seeding);
 *   <li>{@code GET /state} exports the whole state ({@link StateDocument}): Sync's, with Cognito
 *       Identity's under {@code cognitoIdentity}; {@code PUT} or {@code POST} replaces both;
 *   <li>{@code POST /reset} also forgets the identity state (then Sync's reset runs);
 *   <li>{@code POST /merges} of two identities Cognito Identity knows is an identity merge (H30):
 *       the absorbed identity is disabled, its logins move, its Sync datasets merge (E3).
 *       Identities only Sync knows keep the Sync-only merge.
 * </ul>
 *
 * A handler answering null passes the request on to Sync's route of the same path.
 */
public record IdentityAdminRoutes(IdentityEngine engine, SyncEngine sync) implements AdminRoutes {
  private static final String STATE = AdminApi.PREFIX + "/identity/state";

  @Override
  public List<AdminRoute> routes() {
    return List.of(
        AdminRoute.get(
            STATE,
            r -> ProtocolResponse.json(200, IdentityJson.MAPPER.valueToTree(engine.exportState()))),
        AdminRoute.put(STATE, this::importState),
        AdminRoute.post(STATE, this::importState),
        // the whole state: Sync's document with Cognito Identity's under cognitoIdentity
        AdminRoute.get(
            AdminApi.PREFIX + "/state",
            r ->
                ProtocolResponse.json(
                    200, new StateDocument(sync.exportState(), engine.exportState()).toJson())),
        AdminRoute.put(AdminApi.PREFIX + "/state", this::importWholeState),
        AdminRoute.post(AdminApi.PREFIX + "/state", this::importWholeState),
        AdminRoute.post(
            AdminApi.PREFIX + "/reset",
            r -> {
              engine.reset();
              return null; // Sync's reset runs next
            }),
        AdminRoute.post(
            AdminApi.PREFIX + "/merges",
            r -> {
              JsonNode in = r.json();
              String pool = in.path("IdentityPoolId").asString("");
              String survivor = in.path("SurvivorIdentityId").asString("");
              String absorbed = in.path("AbsorbedIdentityId").asString("");
              if (!engine.knowsIdentity(pool, survivor) || !engine.knowsIdentity(pool, absorbed)) {
                return null; // identities only Sync knows: Sync's merge
              }
              List<String> names = engine.mergeIdentities(pool, survivor, absorbed);
              ObjectNode out = Json.MAPPER.createObjectNode();
              out.set("MergedDatasetNames", Json.MAPPER.valueToTree(names));
              return ProtocolResponse.json(200, out);
            }));
  }

  private ProtocolResponse importState(AdminRequest r) {
    IdentityStateDocument document;
    try {
      document = readState(r.body());
    } catch (JacksonException e) {
      return ProtocolResponse.message(
          400, "Invalid identity state document: " + JsonProblem.describe(e));
    } catch (IllegalArgumentException e) {
      return ProtocolResponse.message(400, "Invalid identity state document: " + e.getMessage());
    }
    engine.importState(document);
    return ProtocolResponse.message(200, "Imported " + engine.pools().size() + " identity pools");
  }

  private ProtocolResponse importWholeState(AdminRequest r) {
    StateDocument document = StateDocument.read(r.body());
    sync.importState(document.sync());
    // after Sync's: the pools it creates are Sync's too; a document without the part keeps none
    engine.importState(
        document.identity() == null ? IdentityStateDocument.EMPTY : document.identity());
    return ProtocolResponse.message(
        200, "Imported " + document.sync().identityPools().size() + " identity pools");
  }

  /** Reads an identity state document strictly: unknown members are refused. */
  public static IdentityStateDocument readState(byte[] json) {
    if (json.length == 0) {
      throw new IllegalArgumentException("A document is required");
    }
    return IdentityJson.MAPPER.readValue(json, IdentityStateDocument.class);
  }

  /** Reads an identity seed file, for the {@code identitySeedFile} option. */
  public static IdentityStateDocument readState(java.nio.file.Path file) {
    try {
      return readState(java.nio.file.Files.readAllBytes(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(JsonProblem.describe(e));
    }
  }
}
