package dev.cognitosyncmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.faults.FaultRule;
import dev.cognitosyncmock.faults.FaultRules;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InternalErrorException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/** Fault rules from @CognitoSyncFault and from the handle, with the injected SDK client. */
@CognitoSyncTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultAnnotationTest {

  @Test
  @Order(1)
  @CognitoSyncFault(
      id = "throttle",
      operation = "UpdateRecords",
      nthCall = 2,
      error = "TooManyRequestsException")
  void B7_aThrottledSecondUpdateIsAbsorbedByTheSdksRetries(
      CognitoSyncClient sync, CognitoSyncMock mock) {
    Sync.put(sync, "theme", "dark");
    Sync.put(sync, "font", "large"); // throttled once, retried by the SDK
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET))
        .containsEntry("theme", "dark")
        .containsEntry("font", "large");
    assertThat(mock.requests("UpdateRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(200, 429, 200);
    assertThat(mock.faults().fired("throttle")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theAnnotationOfAnotherTestIsGone(CognitoSyncClient sync, CognitoSyncMock mock) {
    assertThat(mock.faults().list()).isEmpty();
    Sync.put(sync, "theme", "dark");
    Sync.put(sync, "font", "large");
    assertThat(mock.requests("UpdateRecords"))
        .extracting(ReceivedRequest::status)
        .containsExactly(200, 200);
  }

  @Test
  @Order(3)
  @CognitoSyncFault(operation = "UpdateRecords", conflict = true, conflictValues = "theme=light")
  void C2_aConflictAnnotationMakesARealConflict(CognitoSyncClient sync, CognitoSyncMock mock) {
    String token = Sync.token(sync);
    assertThatThrownBy(
            () ->
                sync.updateRecords(
                    r ->
                        r.identityPoolId(Sync.POOL)
                            .identityId(Sync.ID)
                            .datasetName(Sync.DATASET)
                            .syncSessionToken(token)
                            .recordPatches(
                                p ->
                                    p.op(Operation.REPLACE)
                                        .key("theme")
                                        .value("dark")
                                        .syncCount(0L))))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("Current SyncCount for: theme is: 1 not: 0");
    assertThat(mock.values(Sync.POOL, Sync.ID, Sync.DATASET)).containsEntry("theme", "light");
  }

  @Test
  @Order(4)
  @CognitoSyncFault(
      json =
          """
      {"id": "from-json", "match": {"operation": "DescribeDataset"},
       "trigger": {"firstCalls": 10}, "action": {"error": "InternalErrorException"}}""")
  @CognitoSyncFault(operation = "ListRecords", delayMs = 50)
  void repeatedAnnotationsAndJson(CognitoSyncClient sync, CognitoSyncMock mock) {
    Sync.put(sync, "k", "v");
    assertThatThrownBy(
            () ->
                sync.describeDataset(
                    r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET)))
        .isInstanceOf(InternalErrorException.class);
    assertThat(mock.faults().list())
        .extracting(s -> s.rule().id())
        .contains("from-json")
        .hasSize(2);
    assertThat(mock.faults().fired("from-json")).isPositive();
  }

  @Test
  @Order(5)
  void rulesAddedThroughTheHandle(CognitoSyncClient sync, CognitoSyncMock mock) {
    FaultRule rule =
        mock.faults()
            .add(
                FaultRule.on("DescribeDataset")
                    .firstCalls(100)
                    .error(ErrorShape.InternalErrorException));
    Sync.put(sync, "k", "v");
    assertThatThrownBy(
            () ->
                sync.describeDataset(
                    r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET)))
        .isInstanceOf(InternalErrorException.class);
    assertThat(mock.faults().fired(rule.id())).isPositive();
    assertThat(
            mock.faults()
                .add(
                    """
        {"match": {"operation": "ListRecords"}, "action": {"delay": 1}}"""))
        .hasSize(1);
    assertThat(mock.faults().remove(rule.id())).isTrue();
    sync.describeDataset(
        r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET));
  }

  @Test
  @Order(6)
  void handleRulesOfAnEarlierTestAreGoneUnderPerTestReset(CognitoSyncMock mock) {
    assertThat(mock.faults().list()).isEmpty();
  }

  /** Class-level annotations apply to each test, counted afresh each time. */
  @Nested
  @CognitoSyncFault(
      id = "first-describe",
      operation = "DescribeDataset",
      nthCall = 1,
      error = "ResourceNotFoundException") // a 404: the SDK does not retry it
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnTheClass {
    @Test
    @Order(1)
    void firesInTheFirstTest(CognitoSyncClient sync, CognitoSyncMock mock) {
      Sync.put(sync, "k", "v");
      assertThatThrownBy(() -> describe(sync)).isInstanceOf(ResourceNotFoundException.class);
      describe(sync);
    }

    @Test
    @Order(2)
    void andAgainInTheSecond(CognitoSyncClient sync, CognitoSyncMock mock) {
      Sync.put(sync, "k", "v");
      assertThatThrownBy(() -> describe(sync)).isInstanceOf(ResourceNotFoundException.class);
      assertThat(mock.faults().get("first-describe"))
          .hasValueSatisfying(s -> assertThat(s.fired()).isEqualTo(1));
    }
  }

  /** Steps and counts start after @BeforeEach: its calls are set-up, not part of the test. */
  @Nested
  class AfterBeforeEach {
    @BeforeEach
    void writeFirst(CognitoSyncClient sync) {
      Sync.put(sync, "setup", "done"); // UpdateRecords #1 of the mock, not of the rule
    }

    @Test
    @CognitoSyncFault(operation = "UpdateRecords", nthCall = 1, error = "LimitExceededException")
    void theRulesFirstCallIsTheTestsFirstCall(CognitoSyncClient sync) {
      assertThatThrownBy(() -> Sync.put(sync, "k", "v")).isInstanceOf(LimitExceededException.class);
    }
  }

  static void describe(CognitoSyncClient sync) {
    sync.describeDataset(
        r -> r.identityPoolId(Sync.POOL).identityId(Sync.ID).datasetName(Sync.DATASET));
  }

  // ------------------------------------------------------------------ run through the launcher

  /** Run only through the launcher below (surefire skips nested static classes). */
  @CognitoSyncTest
  static class AnErrorTheOperationDoesNotModel {
    @Test
    @CognitoSyncFault(operation = "ListRecords", error = "ResourceConflictException")
    void test() {}
  }

  @CognitoSyncTest
  static class TwoActions {
    @Test
    @CognitoSyncFault(operation = "ListRecords", error = "InternalErrorException", delayMs = 5)
    void test() {}
  }

  /** Rules added in @BeforeAll are part of each test's starting point. */
  @CognitoSyncTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class RulesFromBeforeAll {
    static final List<Long> seen = new java.util.ArrayList<>();

    @BeforeAll
    static void addRule(CognitoSyncMock mock) {
      mock.faults()
          .add(
              FaultRule.on("DescribeDataset")
                  .id("class-rule")
                  .nthCall(1)
                  .error(ErrorShape.ResourceNotFoundException));
    }

    @Test
    @Order(1)
    void first(CognitoSyncClient sync, CognitoSyncMock mock) {
      Sync.put(sync, "k", "v");
      assertThatThrownBy(() -> describe(sync)).isInstanceOf(ResourceNotFoundException.class);
      mock.faults()
          .add(FaultRule.on("ListRecords").id("test-rule").delay(java.time.Duration.ofMillis(1)));
    }

    @Test
    @Order(2)
    void second(CognitoSyncClient sync, CognitoSyncMock mock) {
      assertThat(mock.faults().list()).extracting(s -> s.rule().id()).containsExactly("class-rule");
      assertThat(mock.faults().list()).extracting(FaultRules.Status::matched).containsExactly(0L);
      Sync.put(sync, "k", "v");
      assertThatThrownBy(() -> describe(sync)).isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void aRuleTheModelDoesNotAllowFailsTheTestsSetUp() {
    assertThat(onlyFailure(AnErrorTheOperationDoesNotModel.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("ListRecords does not model ResourceConflictException");
    assertThat(onlyFailure(TwoActions.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("exactly one action");
  }

  @Test
  void rulesFromBeforeAllStartEachTestAfresh() {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(RulesFromBeforeAll.class))
            .build(),
        listener);
    assertThat(listener.getSummary().getFailures())
        .extracting(f -> f.getException().toString())
        .isEmpty();
    assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
  }

  private static Throwable onlyFailure(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        listener);
    List<Failure> failures = listener.getSummary().getFailures();
    assertThat(failures).hasSize(1);
    return failures.get(0).getException();
  }
}
