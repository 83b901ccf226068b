package dev.cognitosyncmock.admin;

import dev.cognitosyncmock.engine.EngineSnapshot;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.PoolConfiguration;
import dev.cognitosyncmock.engine.PoolMockSettings;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.JsonProblem;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mock's own admin API, served under {@code /__admin/cognito-sync/}: reset, export and import
 * the whole state, create identity pools, merge identities, lose a pool's stream (G5), read and
 * clear the captured push notifications and stream records, and set each pool's webhook and
 * SyncTrigger URLs. Knows nothing of the HTTP server: an adapter hands it every request below the
 * prefix.
 */
public final class AdminApi {
  public static final String PREFIX = "/cognito-sync";

  private final SyncEngine engine;

  /** Asked in order: routes added later come before the built-in ones. */
  private final List<AdminRoute> routes = new CopyOnWriteArrayList<>();

  public AdminApi(SyncEngine engine) {
    this.engine = engine;
    routes.addAll(
        List.of(
            AdminRoute.post(
                PREFIX + "/reset",
                r -> {
                  engine.reset();
                  return ok("State reset");
                }),
            AdminRoute.get(
                PREFIX + "/state", r -> ok(Json.MAPPER.valueToTree(engine.exportState()))),
            AdminRoute.put(PREFIX + "/state", this::importState),
            AdminRoute.post(PREFIX + "/state", this::importState),
            AdminRoute.post(
                PREFIX + "/identitypools",
                r -> {
                  String poolId = required(r.json(), "IdentityPoolId");
                  engine.createIdentityPool(poolId);
                  return ok(Json.MAPPER.createObjectNode().put("IdentityPoolId", poolId));
                }),
            AdminRoute.post(
                PREFIX + "/merges",
                r -> {
                  JsonNode in = r.json();
                  List<String> names =
                      engine.mergeIdentities(
                          required(in, "IdentityPoolId"),
                          required(in, "SurvivorIdentityId"),
                          required(in, "AbsorbedIdentityId"));
                  ObjectNode out = Json.MAPPER.createObjectNode();
                  out.set("MergedDatasetNames", Json.MAPPER.valueToTree(names));
                  return ok(out);
                }),
            AdminRoute.post(
                PREFIX + "/stream-lost",
                r -> {
                  // G5: the stream or its role is gone; the service turns streaming off and says
                  // why
                  JsonNode in = r.json();
                  JsonNode reason = in.get("DisabledReason");
                  if (reason != null && !reason.isNull() && !reason.isString()) {
                    throw new ServiceException(
                        ErrorShape.InvalidParameterException, "DisabledReason must be a string");
                  }
                  PoolConfiguration c =
                      engine.streamLost(
                          required(in, "IdentityPoolId"),
                          reason == null || reason.isNull() ? null : reason.asString());
                  ObjectNode out = Json.MAPPER.createObjectNode();
                  out.put("IdentityPoolId", c.identityPoolId());
                  ObjectNode streams = out.putObject("CognitoStreams");
                  streams.put("StreamName", c.cognitoStreams().streamName());
                  streams.put("RoleArn", c.cognitoStreams().roleArn());
                  streams.put("StreamingStatus", c.cognitoStreams().streamingStatus());
                  streams.put("DisabledReason", c.cognitoStreams().disabledReason());
                  return ok(out);
                }),
            AdminRoute.get(
                PREFIX + "/push-notifications",
                r -> {
                  ObjectNode out = Json.MAPPER.createObjectNode();
                  out.set(
                      "notifications",
                      Json.MAPPER.valueToTree(engine.sideEffects().pushNotifications()));
                  return ok(out);
                }),
            AdminRoute.delete(
                PREFIX + "/push-notifications",
                r -> {
                  engine.sideEffects().clearPushNotifications();
                  return ok("Push notifications cleared");
                }),
            AdminRoute.get(
                PREFIX + "/stream-records",
                r -> {
                  ObjectNode out = Json.MAPPER.createObjectNode();
                  out.set("streams", Json.MAPPER.valueToTree(engine.sideEffects().streamRecords()));
                  return ok(out);
                }),
            AdminRoute.delete(
                PREFIX + "/stream-records",
                r -> {
                  engine.sideEffects().clearStreamRecords();
                  return ok("Stream records cleared");
                }),
            AdminRoute.get(
                PREFIX + "/pool-settings",
                r -> {
                  ObjectNode out = Json.MAPPER.createObjectNode();
                  ObjectNode pools = out.putObject("IdentityPools");
                  engine
                      .allPoolMockSettings()
                      .forEach((id, settings) -> pools.set(id, poolSettings(settings)));
                  return ok(out);
                }),
            AdminRoute.post(
                PREFIX + "/pool-settings",
                r -> {
                  JsonNode in = r.json();
                  String poolId = required(in, "IdentityPoolId");
                  PoolMockSettings current = engine.poolMockSettings(poolId);
                  PoolMockSettings updated =
                      new PoolMockSettings(
                          url(in, "PushWebhookUrl", current.pushWebhookUrl()),
                          url(in, "SyncTriggerUrl", current.syncTriggerUrl()));
                  engine.setPoolMockSettings(poolId, updated);
                  ObjectNode out = Json.MAPPER.createObjectNode().put("IdentityPoolId", poolId);
                  out.setAll(poolSettings(updated));
                  return ok(out);
                })));
  }

  /** Adds routes, asked before the ones already there. */
  public void addRoutes(AdminRoutes more) {
    routes.addAll(0, more.routes());
  }

  /**
   * @param url the path below {@code /__admin}, e.g. {@code /cognito-sync/state}, with any query
   */
  public ProtocolResponse handle(String method, String url, byte[] body) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    try {
      for (AdminRoute route : routes) {
        if (route.method().equals(method)) {
          Map<String, String> params = route.bind(path);
          ProtocolResponse answer =
              params == null
                  ? null
                  : route.handler().handle(new AdminRequest(method, path, params, body));
          if (answer != null) {
            return answer;
          }
        }
      }
      return ProtocolResponse.message(404, "No admin route " + method + " " + path);
    } catch (ServiceException e) {
      return ProtocolResponse.message(
          e.shape() == ErrorShape.ResourceNotFoundException ? 404 : 400, e.getMessage());
    } catch (JacksonException e) {
      return ProtocolResponse.message(400, "Invalid JSON: " + JsonProblem.describe(e));
    } catch (IllegalArgumentException e) { // a document that does not fit (a fault rule)
      return ProtocolResponse.message(400, e.getMessage());
    } catch (IllegalStateException e) { // not now (no recording to stop)
      return ProtocolResponse.message(409, e.getMessage());
    }
  }

  private ProtocolResponse importState(AdminRequest r) {
    EngineSnapshot snapshot = readState(r.body());
    engine.importState(snapshot);
    return ok("Imported " + snapshot.identityPools().size() + " identity pools");
  }

  /** Reads a state document, as the admin API and the start-up seed file take it. */
  public static EngineSnapshot readState(byte[] json) {
    if (json.length == 0) {
      throw new ServiceException(
          ErrorShape.InvalidParameterException, "A state document is required");
    }
    EngineSnapshot snapshot;
    try {
      snapshot = STATE_READER.readValue(json);
    } catch (UnrecognizedPropertyException e) {
      // strict like fault rules: a misspelt member must not load as an empty pool
      throw new ServiceException(
          dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
          "Unknown member "
              + jsonPath(e)
              + " in the state document; known there: "
              + e.getKnownPropertyIds());
    } catch (JacksonException e) {
      throw new ServiceException(
          dev.cognitosyncmock.engine.ErrorShape.InvalidParameterException,
          "Invalid state document: " + JsonProblem.describe(e));
    }
    return snapshot.identityPools() == null ? new EngineSnapshot(List.of()) : snapshot;
  }

  /**
   * State documents are read strictly: unknown members are refused with their path. The members an
   * export writes from computed getters ({@code tombstone}, {@code empty}) are read back as what
   * they are, derived: skipped.
   */
  private static final ObjectReader STATE_READER =
      Json.MAPPER
          .readerFor(EngineSnapshot.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .withHandler(
              new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(
                    DeserializationContext context,
                    JsonParser parser,
                    ValueDeserializer<?> deserializer,
                    Object beanOrClass,
                    String name) {
                  Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                  if (!isComputed(type, name)) {
                    return false;
                  }
                  parser.skipChildren();
                  return true;
                }
              });

  /** Whether {@code type} writes {@code member} from a getter rather than a component. */
  private static boolean isComputed(Class<?> type, String member) {
    if (member.isEmpty()) {
      return false;
    }
    String suffix = Character.toUpperCase(member.charAt(0)) + member.substring(1);
    for (String name : List.of("is" + suffix, "get" + suffix)) {
      try {
        java.lang.reflect.Method getter = type.getMethod(name);
        if (!java.lang.reflect.Modifier.isStatic(getter.getModifiers())
            && getter.getDeclaringClass() != Object.class) { // "class" is no member
          return true;
        }
      } catch (NoSuchMethodException e) {
        // not a getter of this type
      }
    }
    return false;
  }

  /** {@code $.identityPools[0].identites}: where in the document the problem is. */
  static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder("$");
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        path.append('.').append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
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

  private static String required(JsonNode in, String member) {
    JsonNode v = in.get(member);
    if (v == null || !v.isString() || v.asString().isEmpty()) {
      throw new ServiceException(ErrorShape.InvalidParameterException, member + " is required");
    }
    return v.asString();
  }

  /** Pool settings as the admin API answers them: PascalCase, like every AWS-shaped member. */
  private static ObjectNode poolSettings(PoolMockSettings settings) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("PushWebhookUrl", settings.pushWebhookUrl());
    out.put("SyncTriggerUrl", settings.syncTriggerUrl());
    return out;
  }

  /** An absolute http(s) URL member: absent keeps {@code current}, null or "" clears it. */
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
    throw new ServiceException(
        ErrorShape.InvalidParameterException,
        member + " must be an absolute http or https URL, got: " + v);
  }

  private static ProtocolResponse ok(String message) {
    return ProtocolResponse.message(200, message);
  }

  private static ProtocolResponse ok(JsonNode body) {
    return ProtocolResponse.json(200, body);
  }
}
