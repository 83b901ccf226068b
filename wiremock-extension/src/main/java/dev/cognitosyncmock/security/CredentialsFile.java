package dev.cognitosyncmock.security;

import dev.cognitosyncmock.engine.Caller;
import dev.cognitosyncmock.protocol.JsonProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the access keys the mock accepts, from a JSON array of keys (or an object whose {@code
 * "credentials"} member is that array):
 *
 * <pre>
 * [{"accessKeyId": "AKIADEVELOPER", "secretAccessKey": "...", "kind": "developer",
 *   "accountId": "123456789012"},
 *  {"accessKeyId": "ASIAIDENTITY", "secretAccessKey": "...", "kind": "identity",
 *   "identityId": "us-east-1:...", "sessionToken": "...", "identityPoolId": "us-east-1:..."}]
 * </pre>
 *
 * Unknown members are refused, so a misspelt one does not silently widen access.
 */
public final class CredentialsFile {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> MEMBERS =
      Set.of(
          "accessKeyId",
          "secretAccessKey",
          "kind",
          "identityId",
          "sessionToken",
          "accountId",
          "identityPoolId");

  private CredentialsFile() {}

  public static List<AccessKey> read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read credentials file " + file, e);
    }
  }

  public static List<AccessKey> parse(byte[] json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not JSON: " + JsonProblem.describe(e));
    }
    if (root != null && root.isObject() && root.has("credentials")) {
      root = root.get("credentials");
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          source + ": expected a JSON array of keys, or {\"credentials\": [...]}");
    }
    List<AccessKey> keys = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode entry : root) {
      String where = source + " entry " + index++;
      if (!entry.isObject()) {
        throw new IllegalArgumentException(where + ": a key must be a JSON object");
      }
      for (Map.Entry<String, JsonNode> member : entry.properties()) {
        if (!MEMBERS.contains(member.getKey())) {
          throw new IllegalArgumentException(
              where + ": unknown member \"" + member.getKey() + "\"; known: " + MEMBERS);
        }
      }
      String kind = text(entry, "kind", where);
      if (kind == null) {
        throw new IllegalArgumentException(where + ": \"kind\" is required: developer or identity");
      }
      Caller.Kind k =
          switch (kind.toLowerCase(Locale.ROOT)) {
            case "developer" -> Caller.Kind.DEVELOPER;
            case "identity" -> Caller.Kind.IDENTITY;
            default ->
                throw new IllegalArgumentException(
                    where + ": kind must be developer or identity, got " + kind);
          };
      AccessKey key;
      try {
        key =
            new AccessKey(
                text(entry, "accessKeyId", where),
                text(entry, "secretAccessKey", where),
                k,
                text(entry, "identityId", where),
                text(entry, "sessionToken", where),
                text(entry, "accountId", where),
                text(entry, "identityPoolId", where),
                null);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
      if (!ids.add(key.accessKeyId())) {
        throw new IllegalArgumentException(
            where + ": access key " + key.accessKeyId() + " is listed twice");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  private static String text(JsonNode entry, String member, String where) {
    JsonNode v = entry.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new IllegalArgumentException(where + ": \"" + member + "\" must be a string");
    }
    return v.asString();
  }
}
