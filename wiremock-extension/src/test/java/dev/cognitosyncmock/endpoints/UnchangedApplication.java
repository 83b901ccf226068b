package dev.cognitosyncmock.endpoints;

import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Operation;

/**
 * An application that knows nothing of the mock: {@code CognitoSyncClient.create()}, no {@code
 * endpointOverride}, region and credentials from the default chains. Run in its own JVM by {@link
 * AwsEndpointConfigurationTest}; writes {@code args[0]=args[1]} to dataset {@code args[2]}.
 */
public final class UnchangedApplication {
  static final String POOL = "us-east-1:11111111-2222-3333-4444-555555555555";
  static final String IDENTITY = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  private UnchangedApplication() {}

  public static void main(String[] args) {
    try (CognitoSyncClient sync = CognitoSyncClient.create()) {
      String token =
          sync.listRecords(r -> r.identityPoolId(POOL).identityId(IDENTITY).datasetName(args[2]))
              .syncSessionToken();
      sync.updateRecords(
          r ->
              r.identityPoolId(POOL)
                  .identityId(IDENTITY)
                  .datasetName(args[2])
                  .syncSessionToken(token)
                  .recordPatches(
                      p -> p.op(Operation.REPLACE).key(args[0]).value(args[1]).syncCount(0L)));
      System.out.println("written");
    }
  }
}
