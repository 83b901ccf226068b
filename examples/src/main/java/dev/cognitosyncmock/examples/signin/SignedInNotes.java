package dev.cognitosyncmock.examples.signin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClientBuilder;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;

/**
 * An application's sign-in-then-sync code, as a mobile or web app does it: GetId once (the id is
 * cached), GetCredentialsForIdentity (as a guest, or with the user's login to upgrade or switch
 * identity), then Cognito Sync signed with the temporary credentials. Nothing in it knows about the
 * mock: an endpoint override (or {@code AWS_ENDPOINT_URL}) is the only difference.
 */
public final class SignedInNotes implements AutoCloseable {
  private final URI endpoint;
  private final Region region;
  private final String identityPoolId;
  private final CognitoIdentityClient identity;
  private String identityId;
  private CognitoSyncClient sync;

  /**
   * @param endpoint null for the real service
   */
  public SignedInNotes(
      URI endpoint, Region region, String identityPoolId, String cachedIdentityId) {
    this.endpoint = endpoint;
    this.region = region;
    this.identityPoolId = identityPoolId;
    this.identityId = cachedIdentityId;
    CognitoIdentityClientBuilder builder =
        CognitoIdentityClient.builder()
            .region(region)
            // GetId and GetCredentialsForIdentity are unsigned calls: the app has no AWS keys yet
            .credentialsProvider(AnonymousCredentialsProvider.create());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    this.identity = builder.build();
  }

  /** Signs in as a guest, reusing the cached identity id when there is one. */
  public String signInAsGuest() {
    return signIn(Map.of());
  }

  /**
   * Signs in with a provider login ({@code graph.facebook.com} to its token). A guest is upgraded
   * in place; a guest whose login already belongs to another identity is merged into it, and the
   * app continues as that identity (its old data arrives as merged datasets).
   */
  public String signIn(Map<String, String> logins) {
    if (identityId == null) {
      identityId =
          identity.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
    }
    GetCredentialsForIdentityResponse response =
        identity.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins));
    identityId = response.identityId(); // the survivor after a merge
    var c = response.credentials();
    if (sync != null) {
      sync.close();
    }
    CognitoSyncClientBuilder builder =
        CognitoSyncClient.builder()
            .region(region)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretKey(), c.sessionToken())));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    sync = builder.build();
    return identityId;
  }

  public String identityId() {
    return identityId;
  }

  /** Writes one note to the signed-in user's {@code notes} dataset. */
  public void save(String key, String value) {
    ListRecordsResponse listed = list("notes");
    long syncCount =
        listed.records().stream()
            .filter(r -> r.key().equals(key))
            .mapToLong(Record::syncCount)
            .findFirst()
            .orElse(0);
    sync.updateRecords(
        r ->
            r.identityPoolId(identityPoolId)
                .identityId(identityId)
                .datasetName("notes")
                .syncSessionToken(listed.syncSessionToken())
                .recordPatches(
                    p -> p.op(Operation.REPLACE).key(key).value(value).syncCount(syncCount)));
  }

  /**
   * The notes of a dataset of the signed-in user ({@code notes}, or a merged {@code notes.<id>}).
   */
  public Map<String, String> notes(String datasetName) {
    Map<String, String> notes = new LinkedHashMap<>();
    list(datasetName).records().stream()
        .filter(r -> r.value() != null)
        .forEach(r -> notes.put(r.key(), r.value()));
    return notes;
  }

  /** The datasets merged into the signed-in user's {@code notes} from identities merged into it. */
  public java.util.List<String> mergedNotes() {
    return list("notes").mergedDatasetNames();
  }

  private ListRecordsResponse list(String datasetName) {
    return sync.listRecords(
        r -> r.identityPoolId(identityPoolId).identityId(identityId).datasetName(datasetName));
  }

  @Override
  public void close() {
    identity.close();
    if (sync != null) {
      sync.close();
    }
  }
}
