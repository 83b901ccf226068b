package dev.cognitosyncmock.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spec errata (SEMANTICS A9): corrections the API reference makes to the vendored botocore
 * model, kept in one small file ({@code errata.json}) instead of edits to the vendored copy, which
 * stays exactly the stripped upstream model. Each erratum is a JSON Merge Patch (RFC 7386) applied
 * when the model is loaded ({@link ServiceModel#load()}) and when schemas are generated.
 */
public final class ModelErrata {

  /** Classpath location of the errata, beside the vendored model. */
  public static final String RESOURCE = "/dev/cognitosyncmock/schemas/errata.json";

  /**
   * One correction.
   *
   * @param id what it corrects, e.g. {@code CognitoStreams.DisabledReason}
   * @param source where the correction comes from
   * @param patch the JSON Merge Patch applied over the model
   */
  public record Erratum(String id, String source, JsonNode patch) {}

  private ModelErrata() {}

  /** The errata from the classpath, in file order. */
  public static List<Erratum> load() {
    try (InputStream in = ModelErrata.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Model errata missing from classpath: " + RESOURCE);
      }
      return parse(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Erratum> parse(JsonNode document) {
    List<Erratum> errata = new ArrayList<>();
    for (JsonNode entry : document.path("errata")) {
      String id = entry.path("id").asString("");
      if (id.isEmpty()
          || entry.path("source").asString("").isEmpty()
          || !entry.path("patch").isObject()) {
        throw new IllegalArgumentException(
            "Every erratum needs an id, a source and a patch object: " + entry);
      }
      errata.add(new Erratum(id, entry.path("source").asString(), entry.path("patch")));
    }
    return List.copyOf(errata);
  }

  /**
   * A patched copy of {@code model}. An erratum that changes nothing is refused: upstream has made
   * the correction itself, and the erratum should be dropped.
   */
  public static JsonNode apply(JsonNode model, List<Erratum> errata) {
    JsonNode patched = model.deepCopy();
    for (Erratum erratum : errata) {
      JsonNode before = patched.deepCopy();
      patched = mergePatch(patched, erratum.patch());
      if (patched.equals(before)) {
        throw new IllegalStateException(
            "Erratum "
                + erratum.id()
                + " changes nothing: the model already"
                + " carries it; remove it from "
                + RESOURCE);
      }
    }
    return patched;
  }

  /** RFC 7386: objects merge member by member, null removes a member, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? (ObjectNode) target : Json.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }
}
