package dev.cognitosyncmock.protocol;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.engine.TimestampRange;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.OperationSchemas;
import dev.cognitosyncmock.schemas.ServiceModel;
import dev.cognitosyncmock.schemas.VendoredService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Validates a bound input document against the operation's schema, generated from the model, before
 * anything touches state (SEMANTICS A5). A violation is an InvalidParameterException whose message
 * names the member and the rule, in the wording AWS services use: {@code 1 validation error
 * detected: Value 'x' at 'RecordPatches.1.Op' failed to satisfy constraint: Member must satisfy
 * enum value set: [replace, remove]}.
 */
public final class InputValidator {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal EPOCH_MIN =
      BigDecimal.valueOf(TimestampRange.MIN.getEpochSecond());
  private static final BigDecimal EPOCH_MAX =
      BigDecimal.valueOf(TimestampRange.MAX.toEpochMilli(), 3);

  /**
   * Each operation's schema, compiled on its first request: compiling all of them took about 200 ms
   * of every start-up (BENCHMARKS.md), for operations most test runs never call.
   */
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  private final Set<String> operations;
  private final java.util.function.Function<String, JsonNode> schemaOf;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** An operation's input schema as written (for the range checks) and as compiled. */
  private record Compiled(JsonNode document, Schema schema) {}

  /**
   * Cognito Identity answers ValidationException and names members in camelCase (IDENTITY.md H6).
   */
  private final java.util.function.Function<String, ServiceException> failure;

  private final boolean camelCasePaths;

  InputValidator(ServiceModel model) {
    this(
        model,
        op -> OperationSchemas.input(op),
        message -> new ServiceException(ErrorShape.InvalidParameterException, message),
        false);
  }

  /**
   * A validator for another service's model: {@code schemaOf} gives each operation's input schema,
   * {@code failure} turns the message into that service's validation error.
   */
  public InputValidator(
      ServiceModel model,
      java.util.function.Function<String, JsonNode> schemaOf,
      java.util.function.Function<String, ServiceException> failure,
      boolean camelCasePaths) {
    this.failure = failure;
    this.camelCasePaths = camelCasePaths;
    this.schemaOf = schemaOf;
    this.operations =
        model.operations().stream().map(OperationModel::name).collect(Collectors.toSet());
  }

  private Compiled compiled(String operation) {
    if (!operations.contains(operation)) {
      throw new IllegalArgumentException("not an operation of the model: " + operation);
    }
    return compiled.computeIfAbsent(
        operation,
        op -> {
          JsonNode document = withoutAnnotations(schemaOf.apply(op));
          return new Compiled(document, registry.getSchema(document));
        });
  }

  /**
   * A validator for a vendored service other than Cognito Sync, whose validation failures are
   * unmodeled errors of type {@code errorType}.
   */
  public static InputValidator forService(
      VendoredService service, ServiceModel model, String errorType, boolean camelCasePaths) {
    return new InputValidator(
        model,
        op -> OperationSchemas.input(service, op),
        message ->
            ServiceException.unmodeled(errorType, ErrorShape.InvalidParameterException, message),
        camelCasePaths);
  }

  /** x-location tells humans where a member travels; it has no say in validation. */
  private static JsonNode withoutAnnotations(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    copy.path("properties")
        .forEach(
            p -> {
              if (p instanceof tools.jackson.databind.node.ObjectNode o) {
                o.remove("x-location");
              }
            });
    return copy;
  }

  public void validate(String operation, JsonNode input) {
    Compiled schema = compiled(operation);
    List<Error> errors = schema.schema().validate(input);
    if (errors.isEmpty()) {
      requireRepresentable(schema.document(), schema.document(), input, "");
      return;
    }
    StringJoiner detail = new StringJoiner("; ");
    for (Error error : errors) {
      detail.add(describe(error));
    }
    String message =
        errors.size()
            + (errors.size() == 1 ? " validation error" : " validation errors")
            + " detected: "
            + detail;
    throw failure.apply(camelCasePaths ? camelCaseMembers(message) : message);
  }

  /**
   * JSON numbers are unbounded and the schema's "integer" and "number" accept 1e19, 1e20 and
   * 99999999999999999999, which no Long or timestamp holds: the model's integers (Long, Integer)
   * must fit 64 bits and its timestamps (epoch seconds, "number" in our schemas) must lie in {@link
   * TimestampRange}. Refused here, before anything is written; found by the hardening suites (such
   * values reached the engine as a 500, one after committing the write).
   */
  private static void requireRepresentable(
      JsonNode root, JsonNode schema, JsonNode node, String path) {
    if (schema == null || node == null) {
      return;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.asString().startsWith("#/")) {
      schema = root.at(ref.asString().substring(1));
    }
    String type = schema.path("type").asString("");
    if (node.isNumber()) {
      if (type.equals("integer")) {
        requireInteger(node, path);
      } else if (type.equals("number")) {
        requireTimestamp(node, path);
      }
    } else if (node.isObject()) {
      JsonNode properties = schema.path("properties");
      for (var member : node.properties()) {
        requireRepresentable(
            root,
            properties.get(member.getKey()),
            member.getValue(),
            path.isEmpty() ? member.getKey() : path + "." + member.getKey());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireRepresentable(root, schema.get("items"), node.get(i), path + "." + (i + 1));
      }
    }
  }

  /**
   * {@code at 'IdentityPoolId'} becomes {@code at 'identityPoolId'}, as Cognito Identity writes it.
   */
  private static String camelCaseMembers(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("at '([^']*)'").matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringJoiner path = new StringJoiner(".");
      for (String part : m.group(1).split("\\.", -1)) {
        path.add(part.isEmpty() ? part : Character.toLowerCase(part.charAt(0)) + part.substring(1));
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("at '" + path + "'"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void requireInteger(JsonNode node, String path) {
    BigDecimal value = finite(node, path);
    if (value.compareTo(LONG_MAX) > 0) {
      throw invalid(node, path, "have value less than or equal to " + Long.MAX_VALUE);
    }
    if (value.compareTo(LONG_MIN) < 0) {
      throw invalid(node, path, "have value greater than or equal to " + Long.MIN_VALUE);
    }
  }

  private static void requireTimestamp(JsonNode node, String path) {
    BigDecimal value = finite(node, path);
    if (value.compareTo(EPOCH_MIN) < 0 || value.compareTo(EPOCH_MAX) > 0) {
      throw invalid(node, path, TimestampRange.rule());
    }
  }

  private static BigDecimal finite(JsonNode node, String path) {
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      throw invalid(node, path, "be a finite number");
    }
    return node.decimalValue();
  }

  private static ServiceException invalid(JsonNode node, String path, String rule) {
    return new ServiceException(
        ErrorShape.InvalidParameterException,
        "1 validation error detected: Value "
            + show(node)
            + " at '"
            + path
            + "' failed to satisfy constraint: Member must "
            + rule);
  }

  private static String describe(Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String member = memberPath(error.getInstanceLocation());
    if (keyword.equals("required")) {
      String name = member.isEmpty() ? error.getProperty() : member + "." + error.getProperty();
      return "Value null at '" + name + "' failed to satisfy constraint: Member must not be null";
    }
    return "Value "
        + show(error.getInstanceNode())
        + " at '"
        + member
        + "' failed to satisfy constraint: Member must "
        + rule(keyword, error);
  }

  private static String rule(String keyword, Error error) {
    JsonNode constraint = constraint(keyword, error.getSchemaNode());
    return switch (keyword) {
      case "minLength" -> "have length greater than or equal to " + constraint;
      case "maxLength" -> "have length less than or equal to " + constraint;
      case "minProperties" -> "have at least " + constraint + " entries";
      case "maxProperties" -> "have at most " + constraint + " entries";
      case "minItems" -> "have at least " + constraint + " items";
      case "maxItems" -> "have at most " + constraint + " items";
      case "pattern" -> "satisfy regular expression pattern: " + unanchored(constraint);
      case "enum" -> "satisfy enum value set: " + enumValues(constraint);
      case "type" -> "be of type " + constraint.asString();
      default -> "satisfy " + keyword + ": " + error.getMessage();
    };
  }

  /** networknt hands over either the keyword's value or the schema object holding it. */
  private static JsonNode constraint(String keyword, JsonNode schemaNode) {
    if (schemaNode != null && schemaNode.isObject() && schemaNode.has(keyword)) {
      return schemaNode.get(keyword);
    }
    return schemaNode;
  }

  /** Shows the model's own pattern: the generator wrapped it as ^(?:...)$ for a full match. */
  private static String unanchored(JsonNode pattern) {
    String p = pattern.asString();
    return p.startsWith("^(?:") && p.endsWith(")$") ? p.substring(4, p.length() - 2) : p;
  }

  private static String enumValues(JsonNode values) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    values.forEach(v -> j.add(v.asString()));
    return j.toString();
  }

  /** Model member names joined by dots; list positions counted from 1, as AWS does. */
  static String memberPath(NodePath path) {
    StringJoiner j = new StringJoiner(".");
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      j.add(element instanceof Integer index ? Integer.toString(index + 1) : element.toString());
    }
    return j.toString();
  }

  private static String show(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    String text = value.isString() ? value.asString() : value.toString();
    return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
  }
}
