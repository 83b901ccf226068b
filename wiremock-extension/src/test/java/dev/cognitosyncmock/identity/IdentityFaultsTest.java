package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultAction;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.InvalidFaultException;
import dev.cognitosyncmock.faults.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;

/** Fault injection, recording and replay reach Cognito Identity operations too. */
class IdentityFaultsTest extends IdentitySdkTestSupport {

  @Test
  @DisplayName(
      "H3: a fault rule answers TooManyRequestsException (400) on GetId, and only while it applies")
  void faultRuleOnGetId() {
    start();
    String pool = createPool();
    server
        .service()
        .faults()
        .add(FaultRule.on("GetId").firstCalls(1).error(ErrorShape.TooManyRequestsException));
    assertThatThrownBy(() -> identity.getId(r -> r.identityPoolId(pool)))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(identity.getId(r -> r.identityPoolId(pool)).identityId()).startsWith("us-east-1:");
    // a fault the operation does not model is refused when the rule is added
    assertThatThrownBy(
            () ->
                server
                    .service()
                    .faults()
                    .add(
                        FaultRule.on("GetId")
                            .error(ErrorShape.DeveloperUserAlreadyRegisteredException)))
        .isInstanceOf(InvalidFaultException.class);
  }

  @Test
  @DisplayName(
      "Recording captures identity calls as scenario steps; a replayed marked step fails as marked")
  void recordAndReplay() {
    start();
    String pool = createPool();
    server.service().faults().startRecording("sign-in");
    String id = identity.getId(r -> r.identityPoolId(pool)).identityId();
    identity.getCredentialsForIdentity(r -> r.identityId(id));
    Scenario recorded = server.service().faults().stopRecording();
    assertThat(recorded.steps())
        .extracting(s -> s.operation())
        .containsExactly("GetId", "GetCredentialsForIdentity");
    server
        .service()
        .faults()
        .loadScenario(
            recorded.withFault(
                2, new FaultAction.ServiceError(ErrorShape.InternalErrorException, "boom")));
    String again = identity.getId(r -> r.identityPoolId(pool)).identityId();
    assertThatThrownBy(() -> identity.getCredentialsForIdentity(r -> r.identityId(again)))
        .isInstanceOfSatisfying(
            software.amazon.awssdk.services.cognitoidentity.model.InternalErrorException.class,
            e -> assertThat(e.statusCode()).isEqualTo(500));
  }
}
