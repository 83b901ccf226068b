package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The standalone server killed with SIGKILL: every acknowledged identity change is there after a
 * restart.
 */
class IdentityKillNineTest {
  static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  @TempDir Path dir;

  @Test
  @DisplayName("Persistence: pools, identities, logins, merges and issued keys survive kill -9")
  void identityStateSurvivesKillNine() throws Exception {
    String pool;
    Map<String, String> identityOfLogin = new LinkedHashMap<>();
    String guest;
    String survivor;
    AwsSessionCredentials keys;
    Process first = start();
    try (CognitoIdentityClient c = identity(port(first))) {
      pool =
          c.createIdentityPool(
                  r ->
                      r.identityPoolName("durable")
                          .allowUnauthenticatedIdentities(true)
                          .supportedLoginProviders(Map.of("graph.facebook.com", "app")))
              .identityPoolId();
      c.setIdentityPoolRoles(
          r ->
              r.identityPoolId(pool)
                  .roles(
                      Map.of(
                          "unauthenticated",
                          IdentitySdkTestSupport.UNAUTH_ROLE,
                          "authenticated",
                          IdentitySdkTestSupport.AUTH_ROLE)));
      for (int i = 0; i < 5; i++) {
        String login = "fb-" + i;
        identityOfLogin.put(
            login,
            c.getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", login)))
                .identityId());
      }
      guest = c.getId(r -> r.identityPoolId(pool)).identityId();
      survivor =
          c.getCredentialsForIdentity(
                  r -> r.identityId(guest).logins(Map.of("graph.facebook.com", "fb-0")))
              .identityId();
      var creds =
          c.getCredentialsForIdentity(
                  r ->
                      r.identityId(identityOfLogin.get("fb-1"))
                          .logins(Map.of("graph.facebook.com", "fb-1")))
              .credentials();
      keys =
          AwsSessionCredentials.create(
              creds.accessKeyId(), creds.secretKey(), creds.sessionToken());
    } finally {
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
    }

    Process second = start();
    try (CognitoIdentityClient c = identity(port(second))) {
      assertThat(c.describeIdentityPool(r -> r.identityPoolId(pool)).identityPoolName())
          .isEqualTo("durable");
      for (Map.Entry<String, String> e : identityOfLogin.entrySet()) {
        assertThat(
                c.getId(
                        r ->
                            r.identityPoolId(pool).logins(Map.of("graph.facebook.com", e.getKey())))
                    .identityId())
            .isEqualTo(e.getValue());
      }
      assertThat(survivor).isEqualTo(identityOfLogin.get("fb-0"));
      assertThat(
              c.listIdentities(r -> r.identityPoolId(pool).maxResults(60).hideDisabled(true))
                  .identities())
          .extracting(i -> i.identityId())
          .doesNotContain(guest);
      try (CognitoSyncClient sync =
          CognitoSyncClient.builder()
              .endpointOverride(URI.create("http://127.0.0.1:" + port))
              .region(Region.US_EAST_1)
              .credentialsProvider(StaticCredentialsProvider.create(keys))
              .httpClient(UrlConnectionHttpClient.create())
              .build()) {
        String me = identityOfLogin.get("fb-1");
        var listed = sync.listRecords(r -> r.identityPoolId(pool).identityId(me).datasetName("d"));
        sync.updateRecords(
            r ->
                r.identityPoolId(pool)
                    .identityId(me)
                    .datasetName("d")
                    .syncSessionToken(listed.syncSessionToken())
                    .recordPatches(p -> p.op("replace").key("k").value("v").syncCount(0L)));
        // the key issued before the crash still acts as its identity (C5)
        assertThat(
                sync.listRecords(r -> r.identityPoolId(pool).identityId(me).datasetName("d"))
                    .records()
                    .get(0)
                    .lastModifiedBy())
            .isEqualTo(me);
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private int port;

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

  private int port(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        port = Integer.parseInt(m.group(1));
        return port;
      }
    }
    throw new IllegalStateException("server exited before listening");
  }

  private static CognitoIdentityClient identity(int port) {
    return CognitoIdentityClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
