package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.identity.PoolConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/** Cognito Identity clients are injected; the handle seeds pools and signs in like an app. */
@CognitoSyncTest
class IdentityInjectionTest {
  @CognitoSyncInject CognitoIdentityClient identity;
  @CognitoSyncInject CognitoIdentityAsyncClient asyncIdentity;
  @CognitoSyncInject CognitoSyncMock mock;

  @Test
  void injectedIdentityClientsReachTheMock(CognitoIdentityClient parameter) throws Exception {
    assertThat(parameter).isSameAs(identity);
    String pool =
        identity
            .createIdentityPool(r -> r.identityPoolName("p").allowUnauthenticatedIdentities(true))
            .identityPoolId();
    assertThat(
            asyncIdentity
                .describeIdentityPool(r -> r.identityPoolId(pool))
                .get()
                .identityPoolName())
        .isEqualTo("p");
    assertThat(mock.identity().pools()).containsExactly(pool);
  }

  @Test
  void theHandleSeedsPoolsAndSignsInAsAGuest() {
    String pool =
        mock.identity()
            .createIdentityPool(
                new PoolConfig(null, "seeded", true, null, null, null, null, null, null, null))
            .identityPoolId();
    mock.identity()
        .setIdentityPoolRoles(
            pool, Map.of("unauthenticated", "arn:aws:iam::123456789012:role/Guest"), null);
    String other = mock.identity().getId(pool, Map.of());
    CognitoSyncClient sync = mock.guestSyncClient(CognitoSyncClient.class, pool);
    String me =
        mock.identity().listIdentities(pool, 60, null, false).identities().get(1).identityId();
    var listed = sync.listRecords(r -> r.identityPoolId(pool).identityId(me).datasetName("d"));
    sync.updateRecords(
        r ->
            r.identityPoolId(pool)
                .identityId(me)
                .datasetName("d")
                .syncSessionToken(listed.syncSessionToken())
                .recordPatches(p -> p.op("replace").key("k").value("v").syncCount(0L)));
    assertThat(mock.values(pool, me, "d")).containsEntry("k", "v");
    assertThat(mock.records(pool, me, "d").get(0).lastModifiedBy()).isEqualTo(me);
    assertThat(other).isNotEqualTo(me);
  }

  @Test
  void aSyncClientTypeIsRequired() {
    assertThatThrownBy(() -> mock.guestSyncClient(String.class, "us-east-1:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CognitoSyncClient");
  }
}
