package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.identity.IdentityJson;
import dev.cognitosyncmock.identity.IdentityStateDocument;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mock's whole state as one document: Sync's pools, identities and datasets, and, under {@code
 * cognitoIdentity}, Cognito Identity's pools, identities, logins, live credentials and signing key
 * (the document {@code GET /__admin/cognito-sync/identity/state} exports). What {@code GET
 * /__admin/cognito-sync/state} exports, {@code PUT} and {@code --seed-file} read back.
 *
 * @param identity null when the document has no Cognito Identity part
 */
public record StateDocument(EngineSnapshot sync, IdentityStateDocument identity) {
  /** The member that holds Cognito Identity's state. */
  public static final String IDENTITY_MEMBER = "cognitoIdentity";

  /** Sync's document, with the identity part when there is one to keep. */
  public JsonNode toJson() {
    ObjectNode out = Json.MAPPER.valueToTree(sync);
    if (identity != null && !identity.holdsNothing()) {
      out.set(IDENTITY_MEMBER, IdentityJson.MAPPER.valueToTree(identity));
    }
    return out;
  }

  /**
   * Reads both parts strictly and checks the identity part restores, before anything is imported: a
   * document refused for either part changes nothing.
   */
  public static StateDocument read(byte[] json) {
    if (json.length == 0) {
      throw new ServiceException(
          ErrorShape.InvalidParameterException, "A state document is required");
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new ServiceException(
          ErrorShape.InvalidParameterException,
          "Invalid state document: " + JsonProblem.describe(e));
    }
    if (!(tree instanceof ObjectNode object) || !object.has(IDENTITY_MEMBER)) {
      return new StateDocument(AdminApi.readState(json), null);
    }
    JsonNode identityPart = object.remove(IDENTITY_MEMBER);
    IdentityStateDocument identity;
    try {
      identity = IdentityJson.MAPPER.treeToValue(identityPart, IdentityStateDocument.class);
      identity.requireRestorable();
    } catch (JacksonException e) {
      throw new ServiceException(
          ErrorShape.InvalidParameterException,
          "Invalid state document: " + JsonProblem.describe(e) + " in $." + IDENTITY_MEMBER);
    } catch (IllegalArgumentException e) {
      throw new ServiceException(
          ErrorShape.InvalidParameterException,
          "Invalid state document: $." + IDENTITY_MEMBER + ": " + e.getMessage());
    }
    return new StateDocument(AdminApi.readState(Json.MAPPER.writeValueAsBytes(object)), identity);
  }

  /** Reads a state or seed file; errors name the file. */
  public static StateDocument read(Path file) {
    try {
      return read(Files.readAllBytes(file));
    } catch (ServiceException e) {
      throw new ServiceException(e.shape(), "State file " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read state file " + file, e);
    }
  }
}
