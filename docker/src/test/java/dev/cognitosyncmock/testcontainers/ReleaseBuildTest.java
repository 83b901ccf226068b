package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub workflows parse as YAML and run what CI runs: ci.yml runs .ci/run itself, and
 * release.yml publishes with the release profile and pushes a multi-architecture image tagged with
 * the project version, the tag {@link CognitoSyncContainer#DEFAULT_TAG} names.
 */
class ReleaseBuildTest {
  static final Path ROOT =
      Path.of(System.getProperty("cognitosyncmock.repository.root", ".."))
          .toAbsolutePath()
          .normalize();
  static final ObjectMapper YAML = new YAMLMapper();

  @Test
  @DisplayName("ci.yml parses and runs .ci/run, the same checks as CI")
  void ciWorkflowRunsTheCiScript() throws IOException {
    JsonNode ci = workflow("ci.yml");
    assertThat(ci.path("on").path("push").path("branches").toString()).contains("main");
    assertThat(runs(ci.path("jobs").path("verify"))).contains("bash .ci/run");
    assertThat(ci.path("jobs").path("verify").path("steps").toString()).contains("\"CI\":\"true\"");
    String script = Files.readString(ROOT.resolve(".ci/run"));
    assertThat(script)
        .contains("mvn -B -ntp verify")
        .contains("-Ptestcontainers1 -pl docker -am verify");
  }

  @Test
  @DisplayName(
      "release.yml parses; on a v* tag it publishes the artifacts and the multi-arch image of the version")
  void releaseWorkflowPublishesArtifactsAndImage() throws IOException {
    JsonNode release = workflow("release.yml");
    assertThat(release.path("on").path("push").path("tags").toString()).contains("v*");
    JsonNode jobs = release.path("jobs");
    assertThat(runs(jobs.path("version")))
        .anySatisfy(
            run ->
                assertThat(run)
                    .contains("-Dexpression=project.version")
                    .contains("\"v$version\" = \"$GITHUB_REF_NAME\""));
    assertThat(runs(jobs.path("maven-central")))
        .anySatisfy(
            run ->
                assertThat(run)
                    .contains("bash .ci/run")
                    .contains("mvn -B -ntp -Prelease -DskipTests deploy"));
    JsonNode push = step(jobs.path("image"), "docker/build-push-action");
    assertThat(push.path("with").path("file").asString()).isEqualTo("docker/Dockerfile");
    assertThat(push.path("with").path("platforms").asString())
        .contains("linux/amd64")
        .contains("linux/arm64");
    assertThat(push.path("with").path("tags").asString())
        .isEqualTo(
            CognitoSyncContainer.DEFAULT_IMAGE_NAME.getUnversionedPart()
                + ":${{ needs.version.outputs.version }}");
  }

  @Test
  @DisplayName("the image tag the module defaults to is the project version the release tags")
  void defaultTagIsTheProjectVersion() {
    assertThat(CognitoSyncContainer.DEFAULT_TAG)
        .isEqualTo(System.getProperty("cognitosyncmock.image.tag"));
  }

  private static JsonNode workflow(String name) throws IOException {
    JsonNode tree = YAML.readTree(Files.readString(ROOT.resolve(".github/workflows/" + name)));
    assertThat(tree.path("jobs").isObject()).as(name + " has jobs").isTrue();
    return tree;
  }

  private static List<String> runs(JsonNode job) {
    List<String> runs = new ArrayList<>();
    job.path("steps")
        .forEach(
            s -> {
              if (s.has("run")) {
                runs.add(s.path("run").asString());
              }
            });
    return runs;
  }

  private static JsonNode step(JsonNode job, String action) {
    for (JsonNode s : job.path("steps")) {
      if (s.path("uses").asString().startsWith(action + "@")) {
        return s;
      }
    }
    throw new AssertionError("no step uses " + action);
  }
}
