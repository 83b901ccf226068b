package dev.cognitosyncmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** The options map to the image's variables; no container engine is needed for these. */
class CognitoSyncContainerOptionsTest {

  @Test
  void defaultImageIsTheLibraryVersion() {
    // (getDockerImageName() would resolve, i.e. pull, the image: these tests need no engine)
    assertThat(CognitoSyncContainer.DEFAULT_IMAGE_NAME.getUnversionedPart())
        .isEqualTo("cognitosyncmock/cognito-sync-mock");
    assertThat(CognitoSyncContainer.DEFAULT_TAG).isNotBlank().doesNotContain("${");
    try (CognitoSyncContainer mock = new CognitoSyncContainer()) {
      assertThat(mock.getExposedPorts()).containsExactly(8080);
    }
  }

  @Test
  void optionsBecomeEnvironmentVariables() {
    try (CognitoSyncContainer mock =
        new CognitoSyncContainer()
            .withStrictPools(true)
            .withTokenExpiry(Duration.ofMinutes(15))
            .withLogLevel("DEBUG")
            .withVerbose(true)
            .withRequestJournalSize(0)
            .withPersistence()) {
      assertThat(mock.getEnvMap())
          .containsEntry("COGNITO_SYNC_MOCK_STRICT_POOLS", "true")
          .containsEntry("COGNITO_SYNC_MOCK_TOKEN_EXPIRY", "PT15M")
          .containsEntry("COGNITO_SYNC_MOCK_LOG_LEVEL", "debug")
          .containsEntry("COGNITO_SYNC_MOCK_VERBOSE", "true")
          .containsEntry("COGNITO_SYNC_MOCK_REQUEST_JOURNAL_SIZE", "0")
          .containsEntry("COGNITO_SYNC_MOCK_PERSISTENCE_DIR", "/data")
          .containsEntry("COGNITO_SYNC_MOCK_PORT", "8080");
    }
  }

  @Test
  void filesAreCopiedInAndNamedByTheirVariables() {
    try (CognitoSyncContainer mock =
        new CognitoSyncContainer()
            .withSeedResource("seed.json")
            .withFaultResource("seed.json")
            .withScenarioResource("seed.json")) {
      assertThat(mock.getEnvMap())
          .containsEntry("COGNITO_SYNC_MOCK_SEED_FILE", "/etc/cognito-sync-mock/seed.json")
          .containsEntry("COGNITO_SYNC_MOCK_FAULT_FILE", "/etc/cognito-sync-mock/fault.json")
          .containsEntry("COGNITO_SYNC_MOCK_SCENARIO_FILE", "/etc/cognito-sync-mock/scenario.json");
      assertThat(mock.getCopyToFileContainerPathMap().values())
          .containsExactlyInAnyOrder(
              "/etc/cognito-sync-mock/seed.json",
              "/etc/cognito-sync-mock/fault.json",
              "/etc/cognito-sync-mock/scenario.json");
    }
  }

  @Test
  void badValuesAreRefusedEarly() {
    assertThatThrownBy(() -> new CognitoSyncContainer().withTokenExpiry(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CognitoSyncContainer().withLogLevel("loud"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CognitoSyncContainer("localstack/localstack:4"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCompatibleSubstituteIsAccepted() {
    try (CognitoSyncContainer mock =
        new CognitoSyncContainer(
            DockerImageName.parse("registry.example/mirror/cognito-sync-mock:1")
                .asCompatibleSubstituteFor("cognitosyncmock/cognito-sync-mock"))) {
      assertThat(mock.getExposedPorts()).containsExactly(8080);
    }
  }

  @Test
  void endpointRegionAndDummyCredentials() {
    try (CognitoSyncContainer mock = new CognitoSyncContainer().withRegion("eu-west-1")) {
      assertThat(mock.getRegion()).isEqualTo("eu-west-1");
      assertThat(mock.getAccessKey()).isNotBlank();
      assertThat(mock.getSecretKey()).isNotBlank();
    }
  }

  @Test
  @DisplayName("an image name without a tag is refused, never silently taken as latest")
  void aNameWithoutATagIsRefused() {
    assertThatThrownBy(() -> new CognitoSyncContainer("cognitosyncmock/cognito-sync-mock"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Give cognitosyncmock/cognito-sync-mock a tag")
        .hasMessageContaining(CognitoSyncContainer.DEFAULT_TAG);
    assertThatThrownBy(
            () -> new CognitoSyncContainer("registry:5000/cognitosyncmock/cognito-sync-mock"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "the module ships what it builds the image from: Dockerfile, health check, server jar")
  void theJarShipsTheImageSources() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResource(CognitoSyncImage.RESOURCES + "Dockerfile")).isNotNull();
    assertThat(loader.getResource(CognitoSyncImage.RESOURCES + "HealthCheck.java")).isNotNull();
    assertThat(
            loader.getResource(
                CognitoSyncImage.RESOURCES
                    + "cognito-sync-mock-wiremock-"
                    + CognitoSyncContainer.DEFAULT_TAG
                    + "-standalone.jar"))
        .isNotNull();
  }

  @Test
  @DisplayName("withInitDirectory copies a host directory to the image's init directory")
  void initDirectoryIsCopiedToTheImagesInitDirectory(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    try (CognitoSyncContainer mock = new CognitoSyncContainer().withInitDirectory(dir)) {
      assertThat(mock.getCopyToFileContainerPathMap().values())
          .containsExactly("/etc/cognito-sync-mock/init");
    }
  }
}
