package dev.cognitosyncmock.faults;

import dev.cognitosyncmock.protocol.ConnectionFault;
import dev.cognitosyncmock.protocol.OperationCall;
import dev.cognitosyncmock.protocol.ProtocolResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records calls, in the order they reach the mock, into a {@link Scenario}: one step per call that
 * passed validation, with its answer. Thread-safe.
 */
public final class ScenarioRecorder {
  /** Members named by the step itself, or not worth keeping (secrets, clocks, values). */
  private static final Set<String> LEFT_OUT =
      Set.of(
          "IdentityPoolId",
          "IdentityId",
          "DatasetName",
          "SyncSessionToken",
          "ClientContext",
          "Token");

  private static final Set<String> PATCH_KEPT = Set.of("Op", "Key", "SyncCount");

  private volatile boolean recording;
  private String name;
  private String description;
  private final List<Pending> steps = new ArrayList<>();

  /** Starts a new recording, forgetting any earlier one. */
  public synchronized void start(String scenarioName, String scenarioDescription) {
    this.name = scenarioName == null || scenarioName.isBlank() ? "recorded" : scenarioName;
    this.description = scenarioDescription;
    steps.clear();
    recording = true;
  }

  /**
   * Stops recording and answers the scenario.
   *
   * @throws IllegalStateException when not recording
   */
  public synchronized Scenario stop() {
    if (!recording) {
      throw new IllegalStateException("Not recording: start a recording first");
    }
    recording = false;
    return current();
  }

  public boolean isRecording() {
    return recording;
  }

  /** The steps recorded so far (an empty scenario when nothing was ever recorded). */
  public synchronized Scenario current() {
    List<ScenarioStep> done = new ArrayList<>();
    for (Pending p : steps) {
      done.add(p.toStep());
    }
    return new Scenario(name == null ? "recorded" : name, description, done);
  }

  /** A step for a call about to be served; null when not recording. */
  synchronized Pending begin(OperationCall call) {
    if (!recording) {
      return null;
    }
    Pending p = new Pending(steps.size() + 1, call);
    steps.add(p);
    return p;
  }

  synchronized void complete(Pending pending, ProtocolResponse response) {
    pending.status = response.status();
    pending.errorType = header(response.headers(), "x-amzn-ErrorType");
    pending.connectionFault = response.connectionFault();
  }

  /**
   * Records a call answered elsewhere (proxied to another endpoint): its step, with the status and
   * error type that came back.
   */
  public synchronized void recordAnswered(OperationCall call, int status, String errorType) {
    Pending p = begin(call);
    if (p != null) {
      p.status = status;
      p.errorType = errorType;
    }
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The key request fields of a call, values and secrets left out. */
  static ObjectNode keyFields(OperationCall call) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : call.input().properties()) {
      if (LEFT_OUT.contains(e.getKey())) {
        continue;
      }
      if (e.getKey().equals("RecordPatches") && e.getValue().isArray()) {
        ArrayNode patches = out.putArray("RecordPatches");
        for (JsonNode p : e.getValue()) {
          ObjectNode kept = patches.addObject();
          for (String member : List.of("Op", "Key", "SyncCount")) {
            if (p.has(member) && PATCH_KEPT.contains(member)) {
              kept.set(member, p.get(member).deepCopy());
            }
          }
        }
        continue;
      }
      out.set(e.getKey(), e.getValue().deepCopy());
    }
    return out;
  }

  /** A step whose call has been recorded, its answer filled in once it is known. */
  static final class Pending {
    /** The call, with no answer yet. */
    private final ScenarioStep called;

    Integer status;
    String errorType;
    ConnectionFault connectionFault;

    Pending(int step, OperationCall call) {
      this.called =
          new ScenarioStep(
              step,
              call.operation(),
              call.string("IdentityPoolId"),
              call.string("IdentityId"),
              call.string("DatasetName"),
              keyFields(call),
              null,
              null,
              null,
              null,
              null);
    }

    ScenarioStep toStep() {
      return new ScenarioStep(
          called.step(),
          called.operation(),
          called.identityPoolId(),
          called.identityId(),
          called.datasetName(),
          called.request(),
          status,
          errorType,
          connectionFault,
          null,
          null);
    }
  }
}
