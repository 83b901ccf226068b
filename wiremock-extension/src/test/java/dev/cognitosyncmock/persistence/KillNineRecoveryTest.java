package dev.cognitosyncmock.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * The standalone server as its own process, killed with SIGKILL mid-run: every write the SDK saw
 * acknowledged is there after a restart on the same persistence directory.
 */
class KillNineRecoveryTest {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillNine() throws Exception {
    Map<String, String> acknowledged = new HashMap<>();
    Process first = start();
    try (CognitoSyncClient c = client(port(first))) {
      for (int i = 0; i < 30; i++) {
        String dataset = "ds" + (i % 3);
        ListRecordsResponse listed =
            c.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset));
        String key = "k" + i;
        String value = "v" + i;
        c.updateRecords(
            r ->
                r.identityPoolId(POOL)
                    .identityId(IDENTITY)
                    .datasetName(dataset)
                    .syncSessionToken(listed.syncSessionToken())
                    .recordPatches(
                        RecordPatch.builder()
                            .op(Operation.REPLACE)
                            .key(key)
                            .value(value)
                            .syncCount(0L)
                            .build()));
        acknowledged.put(dataset + "/" + key, value);
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot
      first.waitFor(30, TimeUnit.SECONDS);
    }

    Process second = start();
    try (CognitoSyncClient c = client(port(second))) {
      Map<String, String> recovered = new HashMap<>();
      for (String dataset : List.of("ds0", "ds1", "ds2")) {
        ListRecordsResponse listed =
            c.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(dataset));
        assertThat(listed.datasetSyncCount()).isEqualTo(10);
        for (Record rec : listed.records()) {
          recovered.put(dataset + "/" + rec.key(), rec.value());
        }
      }
      assertThat(recovered).isEqualTo(acknowledged);
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void D5_aPoolRegisteredByListRecordsAndItsSessionCountSurviveKillNine() throws Exception {
    String quietPool = "us-east-1:22222222-3333-4444-5555-666666666666";
    Process first = start();
    try (CognitoSyncClient c = client(port(first))) {
      c.setIdentityPoolConfiguration(
          r ->
              r.identityPoolId(POOL)
                  .pushSync(
                      p ->
                          p.applicationArns("arn:aws:sns:us-east-1:123456789012:app/GCM/a")
                              .roleArn("arn:aws:iam::123456789012:role/push")));
      for (int i = 0; i < 3; i++) { // no record is ever written to this pool
        c.listRecords(r -> r.identityPoolId(quietPool).identityId(IDENTITY).datasetName("none"));
      }
      assertThat(
              c.describeIdentityPoolUsage(r -> r.identityPoolId(quietPool))
                  .identityPoolUsage()
                  .syncSessionsCount())
          .isEqualTo(3);
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot
      first.waitFor(30, TimeUnit.SECONDS);
    }

    Process second = start();
    try (CognitoSyncClient c = client(port(second))) {
      assertThat(c.listIdentityPoolUsage(r -> {}).identityPoolUsages())
          .extracting(u -> u.identityPoolId(), u -> u.syncSessionsCount())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(POOL, 0L),
              org.assertj.core.groups.Tuple.tuple(quietPool, 3L));
      assertThat(c.getIdentityPoolConfiguration(r -> r.identityPoolId(POOL)).pushSync().roleArn())
          .isEqualTo("arn:aws:iam::123456789012:role/push");
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process start() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cognitosyncmock.wiremock.StandaloneServer",
                "--port",
                "0",
                "--bind-address",
                "127.0.0.1",
                "--persistence-dir",
                dir.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static int port(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IllegalStateException("server exited before listening");
  }

  private static CognitoSyncClient client(int port) {
    return CognitoSyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
