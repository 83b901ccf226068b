package dev.cognitosyncmock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Read-only view of the botocore service model (Amazon Cognito Sync 2014-06-30, rest-json).
 *
 * <p>{@link #load()} applies the spec errata ({@link ModelErrata}) over the vendored file. Only
 * what the mock needs is typed (operations, HTTP bindings, error statuses); everything else is
 * reachable as raw JSON through {@link #shape(String)}.
 */
public final class ServiceModel {

  /** Classpath location of the vendored model (documentation strings removed). */
  public static final String RESOURCE = "/dev/cognitosyncmock/schemas/service-2.json";

  private final JsonNode root;
  private final Map<String, OperationModel> operations;
  private final Map<String, Integer> errorStatuses;

  private ServiceModel(JsonNode root) {
    this.root = root;
    this.errorStatuses = readErrorStatuses(root.path("shapes"));
    this.operations = readOperations(root.path("operations"));
  }

  /**
   * The vendored model from the classpath with the errata applied ({@link ModelErrata}), parsed
   * once.
   */
  public static ServiceModel load() {
    return Vendored.INSTANCE;
  }

  /**
   * The vendored model of another service served on the same endpoint ({@link VendoredService}),
   * parsed once.
   */
  public static ServiceModel load(VendoredService service) {
    if (service == VendoredService.COGNITO_SYNC) {
      return load();
    }
    return OTHERS.computeIfAbsent(service, s -> readResource(s.resourceBase() + "service-2.json"));
  }

  private static final Map<VendoredService, ServiceModel> OTHERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Operations the model marks {@code authtype: none}: clients send them unsigned (IDENTITY.md H4).
   */
  public Set<String> unsignedOperations() {
    Set<String> unsigned = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> op : root.path("operations").properties()) {
      if ("none".equals(op.getValue().path("authtype").asString(""))) {
        unsigned.add(op.getKey());
      }
    }
    return Collections.unmodifiableSet(unsigned);
  }

  /** botocore {@code metadata.endpointPrefix}, e.g. {@code cognito-identity}. */
  public String endpointPrefix() {
    return root.path("metadata").path("endpointPrefix").asString();
  }

  /** botocore {@code metadata.protocol}: rest-json, json or query. */
  public String protocol() {
    return root.path("metadata").path("protocol").asString();
  }

  /**
   * awsJson: the {@code X-Amz-Target} prefix, e.g. {@code AWSCognitoIdentityService}; empty for
   * other protocols.
   */
  public String targetPrefix() {
    return root.path("metadata").path("targetPrefix").asString("");
  }

  /** query protocol: the XML namespace of responses; empty for other protocols. */
  public String xmlNamespace() {
    return root.path("metadata").path("xmlNamespace").asString("");
  }

  /** query protocol: the wire code of an error shape ({@code error.code}), else its name. */
  public String errorCode(String errorShape) {
    return rawShape(errorShape).path("error").path("code").asString(errorShape);
  }

  /** Any botocore model, as it is. */
  public static ServiceModel parse(InputStream in) {
    return of(Json.MAPPER.readTree(in));
  }

  /** A botocore model of Cognito Sync with the errata applied over it (SEMANTICS A9). */
  public static ServiceModel parseWithErrata(InputStream in) {
    return of(ModelErrata.apply(Json.MAPPER.readTree(in), ModelErrata.load()));
  }

  private static ServiceModel of(JsonNode root) {
    if (!root.path("operations").isObject() || !root.path("shapes").isObject()) {
      throw new IllegalArgumentException(
          "Not a botocore service model: missing operations or shapes");
    }
    return new ServiceModel(root);
  }

  public String apiVersion() {
    return root.path("metadata").path("apiVersion").asString();
  }

  /** Every operation in model order. */
  public List<OperationModel> operations() {
    return List.copyOf(operations.values());
  }

  public OperationModel operation(String name) {
    OperationModel operation = operations.get(name);
    if (operation == null) {
      throw new IllegalArgumentException("Unknown operation: " + name);
    }
    return operation;
  }

  /** Every exception shape mapped to its {@code error.httpStatusCode}, in model order. */
  public Map<String, Integer> errorStatuses() {
    return errorStatuses;
  }

  public int errorStatus(String errorShape) {
    Integer status = errorStatuses.get(errorShape);
    if (status == null) {
      throw new IllegalArgumentException("Not an exception shape: " + errorShape);
    }
    return status;
  }

  /** A copy of the raw shape definition, so callers cannot alter the shared model. */
  public JsonNode shape(String name) {
    JsonNode shape = root.path("shapes").get(name);
    if (shape == null) {
      throw new IllegalArgumentException("Unknown shape: " + name);
    }
    return shape.deepCopy();
  }

  /** Names of all shapes, in model order. */
  public Set<String> shapeNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(root.path("shapes").propertyNames()));
  }

  /** Botocore type of a shape: string, long, integer, boolean, timestamp, structure, list, map. */
  public String typeOf(String shapeName) {
    return rawShape(shapeName).path("type").asString();
  }

  JsonNode rawShape(String name) {
    JsonNode shape = root.path("shapes").get(name);
    if (shape == null) {
      throw new IllegalArgumentException("Unknown shape: " + name);
    }
    return shape;
  }

  private static Map<String, Integer> readErrorStatuses(JsonNode shapes) {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : shapes.properties()) {
      JsonNode shape = entry.getValue();
      if (shape.path("exception").asBoolean(false)) {
        JsonNode status = shape.path("error").path("httpStatusCode");
        if (status.isInt()) {
          statuses.put(entry.getKey(), status.intValue());
        } else if (!shape.has("error")) {
          // awsJson models (Cognito Identity) give no status: the protocol's default applies,
          // 500 for a server fault, 400 for every client error (IDENTITY.md H3)
          statuses.put(entry.getKey(), shape.path("fault").asBoolean(false) ? 500 : 400);
        } else {
          throw new IllegalArgumentException(
              "Exception shape without httpStatusCode: " + entry.getKey());
        }
      }
    }
    return Collections.unmodifiableMap(statuses);
  }

  private Map<String, OperationModel> readOperations(JsonNode operationNodes) {
    Map<String, OperationModel> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : operationNodes.properties()) {
      JsonNode op = entry.getValue();
      JsonNode http = op.path("http");
      String inputShape = op.path("input").path("shape").asString(null);
      String outputShape = op.path("output").path("shape").asString(null);
      List<String> errors = new ArrayList<>();
      for (JsonNode error : op.path("errors")) {
        errors.add(error.path("shape").asString());
      }
      result.put(
          entry.getKey(),
          new OperationModel(
              entry.getKey(),
              http.path("method").asString(),
              http.path("requestUri").asString(),
              http.path("responseCode").asInt(200),
              inputShape,
              outputShape,
              errors,
              members(inputShape),
              members(outputShape)));
    }
    return Collections.unmodifiableMap(result);
  }

  private List<MemberBinding> members(String structureName) {
    if (structureName == null) {
      return List.of();
    }
    JsonNode structure = rawShape(structureName);
    Set<String> required = requiredOf(structure);
    List<MemberBinding> bindings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : structure.path("members").properties()) {
      String member = entry.getKey();
      JsonNode ref = entry.getValue();
      Location location = Location.fromModel(ref.path("location").asString(null));
      // Body members have no locationName in this model; their JSON key is the member name.
      String wireName = ref.path("locationName").asString(member);
      String target = ref.path("shape").asString();
      bindings.add(
          new MemberBinding(
              member, location, wireName, target, typeOf(target), required.contains(member)));
    }
    return bindings;
  }

  static Set<String> requiredOf(JsonNode structure) {
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode name : structure.path("required")) {
      required.add(name.asString());
    }
    return required;
  }

  private static ServiceModel readResource(String resource) {
    try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Vendored service model missing from classpath: " + resource);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lazy holder: the vendored model is parsed on first use only. */
  private static final class Vendored {
    static final ServiceModel INSTANCE = readVendored();

    private static ServiceModel readVendored() {
      try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Vendored service model missing from classpath: " + RESOURCE);
        }
        return parseWithErrata(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
