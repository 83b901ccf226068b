package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.PoolConfiguration;
import dev.cognitosyncmock.engine.PoolMockSettings;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import dev.cognitosyncmock.protocol.JsonProblem;
import dev.cognitosyncmock.protocol.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mock's own admin API, served under {@code /__admin/cognito-sync/}: reset, export and import
 * the whole state, create identity pools, merge identities, lose a pool's stream (G5), read and
 * clear the captured push
 * notifications and stream records, and set each pool's webhook and SyncTrigger URLs. Knows
 * nothing of the HTTP server: an adapter hands it every request below the prefix.
 */
public final class AdminApi {
  public static final String PREFIX = "/cognito-sync";

  private final SyncEngine engine;
  private volatile Runnable afterStateChange = () -> { };
  private final List<AdminRoutes> moreRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();

  public AdminApi(SyncEngine engine) {
    this.engine = engine;
  }

  /** Runs after every admin call that changed state (persistence makes it durable there). */
  public void afterStateChange(Runnable action) {
    this.afterStateChange = action;
  }

  /** Adds routes, asked before the built-in ones. */
  public void addRoutes(AdminRoutes routes) {
    moreRoutes.add(routes);
  }

  /**
   * @param url the path below {@code /__admin}, e.g. {@code /cognito-sync/state}, with any query
   */
  public ProtocolResponse handle(String method, String url, byte[] body) {
    int query = url.indexOf('?');
    for (AdminRoutes routes : moreRoutes) {
      ProtocolResponse answered = routes.handle(method, query < 0 ? url : url.substring(0, query),
          body == null ? new byte[0] : body);
      if (answered != null) {
        return answered;
      }
    }
    ProtocolResponse response = route(method, url, body);
    if (response.status() == 200 && !method.equals("GET")) {
      afterStateChange.run();
    }
    return response;
  }

  private ProtocolResponse route(String method, String url, byte[] body) {
    try {
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      String route = method + " " + path;
      return switch (route) {
        case "POST " + PREFIX + "/reset" -> {
          engine.reset();
          yield ok(message("State reset"));
        }
        case "GET " + PREFIX + "/state" -> ok(WireJson.MAPPER.valueToTree(engine.exportState()));
        case "PUT " + PREFIX + "/state", "POST " + PREFIX + "/state" -> {
          EngineSnapshot snapshot = readState(body);
          engine.importState(snapshot);
          yield ok(message("Imported " + snapshot.identityPools().size() + " identity pools"));
        }
        case "POST " + PREFIX + "/identitypools" -> {
          String poolId = required(read(body), "IdentityPoolId");
          engine.createIdentityPool(poolId);
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.put("IdentityPoolId", poolId);
          yield ok(out);
        }
        case "POST " + PREFIX + "/merges" -> {
          JsonNode in = read(body);
          List<String> names = engine.mergeIdentities(required(in, "IdentityPoolId"),
              required(in, "SurvivorIdentityId"), required(in, "AbsorbedIdentityId"));
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.set("MergedDatasetNames", WireJson.MAPPER.valueToTree(names));
          yield ok(out);
        }
        case "POST " + PREFIX + "/stream-lost" -> {
          // G5: the stream or its role is gone; the service turns streaming off and says why
          JsonNode in = read(body);
          JsonNode reason = in.get("DisabledReason");
          if (reason != null && !reason.isNull() && !reason.isString()) {
            throw new ServiceException(dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
                "DisabledReason must be a string");
          }
          PoolConfiguration c = engine.streamLost(required(in, "IdentityPoolId"),
              reason == null || reason.isNull() ? null : reason.asString());
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.put("IdentityPoolId", c.identityPoolId());
          ObjectNode streams = out.putObject("CognitoStreams");
          streams.put("StreamName", c.cognitoStreams().streamName());
          streams.put("RoleArn", c.cognitoStreams().roleArn());
          streams.put("StreamingStatus", c.cognitoStreams().streamingStatus());
          streams.put("DisabledReason", c.cognitoStreams().disabledReason());
          yield ok(out);
        }
        case "GET " + PREFIX + "/push-notifications" -> {
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.set("notifications",
              WireJson.MAPPER.valueToTree(engine.sideEffects().pushNotifications()));
          yield ok(out);
        }
        case "DELETE " + PREFIX + "/push-notifications" -> {
          engine.sideEffects().clearPushNotifications();
          yield ok(message("Push notifications cleared"));
        }
        case "GET " + PREFIX + "/stream-records" -> {
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          out.set("streams", WireJson.MAPPER.valueToTree(engine.sideEffects().streamRecords()));
          yield ok(out);
        }
        case "DELETE " + PREFIX + "/stream-records" -> {
          engine.sideEffects().clearStreamRecords();
          yield ok(message("Stream records cleared"));
        }
        case "GET " + PREFIX + "/pool-settings" -> {
          ObjectNode out = WireJson.MAPPER.createObjectNode();
          ObjectNode pools = out.putObject("IdentityPools");
          engine.allPoolMockSettings().forEach((id, settings) -> pools.set(id, poolSettings(settings)));
          yield ok(out);
        }
        case "POST " + PREFIX + "/pool-settings" -> {
          JsonNode in = read(body);
          String poolId = required(in, "IdentityPoolId");
          PoolMockSettings current = engine.poolMockSettings(poolId);
          PoolMockSettings updated = new PoolMockSettings(
              url(in, "PushWebhookUrl", current.pushWebhookUrl()),
              url(in, "SyncTriggerUrl", current.syncTriggerUrl()));
          engine.setPoolMockSettings(poolId, updated);
          ObjectNode out = WireJson.MAPPER.createObjectNode().put("IdentityPoolId", poolId);
          out.setAll(poolSettings(updated));
          yield ok(out);
        }
        default -> response(404, message("No admin route " + route));
      };
    } catch (ServiceException e) {
      return response(e.shape().name().equals("ResourceNotFoundException") ? 404 : 400,
          message(e.getMessage()));
    } catch (JacksonException e) {
      return response(400, message("Invalid JSON: " + JsonProblem.describe(e)));
    }
  }

  /** Reads a state document, as the admin API and the start-up seed file take it. */
  public static EngineSnapshot readState(byte[] json) {
    if (json.length == 0) {
      throw new ServiceException(dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
          "A state document is required");
    }
    EngineSnapshot snapshot;
    try {
      snapshot = WireJson.MAPPER.readValue(json, EngineSnapshot.class);
    } catch (JacksonException e) {
      throw new ServiceException(dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
          "Invalid state document: " + JsonProblem.describe(e));
    }
    return snapshot.identityPools() == null ? new EngineSnapshot(List.of()) : snapshot;
  }

  public static EngineSnapshot readState(Path file) {
    try {
      return readState(Files.readAllBytes(file));
    } catch (ServiceException e) {
      throw new ServiceException(e.shape(), "State file " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read state file " + file, e);
    }
  }

  private static JsonNode read(byte[] body) {
    return body.length == 0 ? WireJson.MAPPER.createObjectNode() : WireJson.MAPPER.readTree(body);
  }

  private static String required(JsonNode in, String member) {
    JsonNode v = in.get(member);
    if (v == null || !v.isString() || v.asString().isEmpty()) {
      throw new ServiceException(dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
          member + " is required");
    }
    return v.asString();
  }

  /**
   * An absolute http(s) URL member: absent keeps {@code current}, null or "" clears it.
   */
  /** Pool settings as the admin API answers them: PascalCase, like every AWS-shaped member. */
  private static ObjectNode poolSettings(PoolMockSettings settings) {
    ObjectNode out = WireJson.MAPPER.createObjectNode();
    out.put("PushWebhookUrl", settings.pushWebhookUrl());
    out.put("SyncTriggerUrl", settings.syncTriggerUrl());
    return out;
  }

  private static String url(JsonNode in, String member, String current) {
    // camelCase is what earlier versions answered with; accepted so that answers can be sent back
    String camelCase = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    if (!in.has(member) && in.has(camelCase)) {
      member = camelCase;
    }
    if (!in.has(member)) {
      return current;
    }
    JsonNode v = in.get(member);
    if (v.isNull() || (v.isString() && v.asString().isEmpty())) {
      return null;
    }
    String text = v.isString() ? v.asString() : "";
    try {
      URI uri = URI.create(text);
      if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return text;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new ServiceException(dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
        member + " must be an absolute http or https URL, got: " + v);
  }

  private static ObjectNode message(String text) {
    ObjectNode o = WireJson.MAPPER.createObjectNode();
    o.put("message", text);
    return o;
  }

  private static ProtocolResponse ok(JsonNode body) {
    return response(200, body);
  }

  private static ProtocolResponse response(int status, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    return new ProtocolResponse(status, headers, WireJson.MAPPER.writeValueAsBytes(body));
  }
}
