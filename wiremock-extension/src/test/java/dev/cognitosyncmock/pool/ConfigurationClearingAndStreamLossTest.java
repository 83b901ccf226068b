package dev.cognitosyncmock.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitosync.model.BulkPublishStatus;
import software.amazon.awssdk.services.cognitosync.model.CognitoStreams;
import software.amazon.awssdk.services.cognitosync.model.GetIdentityPoolConfigurationResponse;
import software.amazon.awssdk.services.cognitosync.model.PushSync;
import software.amazon.awssdk.services.cognitosync.model.StreamingStatus;
import tools.jackson.databind.JsonNode;

/**
 * SEMANTICS G1 (an empty section clears it), G5 (the stream is gone) and A9 (the erratum
 * CognitoStreams.DisabledReason) through the AWS SDK for Java v2. The SDK's model lacks
 * DisabledReason and drops it while parsing, so the member itself is read from the raw response.
 */
class ConfigurationClearingAndStreamLossTest extends PoolSdkTestSupport {

  private GetIdentityPoolConfigurationResponse configuration() {
    return developer.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL));
  }

  /** The configuration as the wire carries it, unsigned, as the mock accepts by default. */
  private JsonNode rawConfiguration() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.endpoint()
                                + "/identitypools/"
                                + POOL.replace(":", "%3A")
                                + "/configuration"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void G1_anEmptyPushSyncClearsThePushConfiguration() {
    start();
    configurePush();
    enableStreaming(StreamingStatus.ENABLED);
    assertThat(configuration().pushSync().applicationArns()).containsExactly(APP_ARN);

    // what the .NET SDK's live integration test sends [I8]
    var answered =
        developer.setIdentityPoolConfiguration(
            r -> r.identityPoolId(POOL).pushSync(PushSync.builder().build()));

    assertThat(answered.pushSync()).isNull();
    assertThat(configuration().pushSync()).isNull();
    assertThat(configuration().cognitoStreams().streamName())
        .as("the other section stays")
        .isEqualTo(STREAM);
  }

  @Test
  void G1_aPushSyncWithAnEmptyApplicationListAndNoRoleClearsItToo() {
    start();
    configurePush();
    developer.setIdentityPoolConfiguration(
        r ->
            r.identityPoolId(POOL)
                .pushSync(PushSync.builder().applicationArns(java.util.List.of()).build()));
    assertThat(configuration().pushSync()).isNull();
  }

  @Test
  void G1_aPushSyncWithOnlyARoleStaysConfigured() {
    start();
    developer.setIdentityPoolConfiguration(
        r -> r.identityPoolId(POOL).pushSync(PushSync.builder().roleArn(ROLE_ARN).build()));
    assertThat(configuration().pushSync().roleArn()).isEqualTo(ROLE_ARN);
    assertThat(configuration().pushSync().applicationArns()).isEmpty();
  }

  @Test
  void G1_anEmptyCognitoStreamsClearsTheStreamsConfiguration() {
    start();
    configurePush();
    enableStreaming(StreamingStatus.ENABLED);

    var answered =
        developer.setIdentityPoolConfiguration(
            r -> r.identityPoolId(POOL).cognitoStreams(CognitoStreams.builder().build()));

    assertThat(answered.cognitoStreams()).isNull();
    assertThat(configuration().cognitoStreams()).isNull();
    assertThat(configuration().pushSync().applicationArns()).containsExactly(APP_ARN);
    // and nothing streams any more
    write(developer, IDENTITY, "profile", null, "name", "ada");
    assertThat(service().sideEffects().streamRecords()).isEmpty();
  }

  @Test
  void G5_A9_aLostStreamTurnsStreamingOffWithADisabledReason() throws Exception {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    write(developer, IDENTITY, "profile", null, "name", "ada");
    assertThat(service().sideEffects().streamRecords(STREAM)).hasSize(1);
    assertThat(rawConfiguration().at("/CognitoStreams").has("DisabledReason"))
        .as("absent while streaming runs")
        .isFalse();

    String answer =
        admin(
            "POST",
            "/stream-lost",
            "{\"IdentityPoolId\":\""
                + POOL
                + "\",\"DisabledReason\":\"Kinesis stream sync-stream was deleted\"}");

    assertThat(Json.MAPPER.readTree(answer).at("/CognitoStreams/StreamingStatus").asString())
        .isEqualTo("DISABLED");
    CognitoStreams seen = configuration().cognitoStreams();
    assertThat(seen.streamingStatus()).isEqualTo(StreamingStatus.DISABLED);
    assertThat(seen.streamName()).isEqualTo(STREAM);
    assertThat(seen.roleArn()).isEqualTo(ROLE_ARN);
    assertThat(rawConfiguration().at("/CognitoStreams/DisabledReason").asString())
        .isEqualTo("Kinesis stream sync-stream was deleted");

    // streaming is really off: no more stream records, and a bulk publish fails
    write(developer, IDENTITY, "profile", null, "name", "grace");
    assertThat(service().sideEffects().streamRecords(STREAM)).hasSize(1);
    developer.bulkPublish(r -> r.identityPoolId(POOL));
    assertThat(developer.getBulkPublishDetails(r -> r.identityPoolId(POOL)).bulkPublishStatus())
        .isEqualTo(BulkPublishStatus.FAILED);
  }

  @Test
  void G5_withoutAReasonTheDefaultNamesTheStreamAndTheRole() throws Exception {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    admin("POST", "/stream-lost", "{\"IdentityPoolId\":\"" + POOL + "\"}");
    assertThat(rawConfiguration().at("/CognitoStreams/DisabledReason").asString())
        .contains(STREAM, ROLE_ARN);
  }

  @Test
  void G5_A9_turningStreamingBackOnClearsTheReason() throws Exception {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    service().engine().streamLost(POOL, "role gone");
    assertThat(rawConfiguration().at("/CognitoStreams/DisabledReason").asString())
        .isEqualTo("role gone");

    enableStreaming(StreamingStatus.ENABLED);

    assertThat(rawConfiguration().at("/CognitoStreams").has("DisabledReason")).isFalse();
    assertThat(configuration().cognitoStreams().streamingStatus())
        .isEqualTo(StreamingStatus.ENABLED);
  }

  @Test
  void A9_aCallerDisablingStreamingGetsNoDisabledReasonAndCannotSetOne() throws Exception {
    start();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.endpoint()
                                + "/identitypools/"
                                + POOL.replace(":", "%3A")
                                + "/configuration"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"CognitoStreams\": {\"StreamName\": \""
                                + STREAM
                                + "\", \"StreamingStatus\": \"DISABLED\", \"DisabledReason\": \"mine\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(r.body()).at("/CognitoStreams").has("DisabledReason"))
        .isFalse();
    assertThat(rawConfiguration().at("/CognitoStreams/StreamingStatus").asString())
        .isEqualTo("DISABLED");
    assertThat(rawConfiguration().at("/CognitoStreams").has("DisabledReason")).isFalse();
  }

  @Test
  void G5_aPoolWithoutStreamingHasNoStreamToLose() throws Exception {
    start();
    enableStreaming(StreamingStatus.DISABLED);
    assertThatThrownBy(() -> admin("POST", "/stream-lost", "{\"IdentityPoolId\":\"" + POOL + "\"}"))
        .hasMessageContaining("400")
        .hasMessageContaining("Streaming is not enabled");
    assertThat(rawConfiguration().at("/CognitoStreams").has("DisabledReason")).isFalse();
  }

  @Test
  void G5_theReasonSurvivesStateExportAndImport() throws Exception {
    start();
    enableStreaming(StreamingStatus.ENABLED);
    service().engine().streamLost(POOL, "stream deleted");
    String exported = admin("GET", "/state", null);
    admin("POST", "/reset", null);
    admin("PUT", "/state", exported);
    assertThat(rawConfiguration().at("/CognitoStreams/DisabledReason").asString())
        .isEqualTo("stream deleted");
  }
}
