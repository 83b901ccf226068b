package dev.cognitosyncmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.MutableClock;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rule matching, triggers, counts and refusals, without a server. */
class FaultRulesTest {
  static final ServiceModel MODEL = ServiceModel.load();
  final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  final AtomicLong nanos = new AtomicLong();
  final FaultRules rules = new FaultRules(new FaultValidation(MODEL), clock, nanos::get);

  static FaultCall call(String operation) {
    return new FaultCall(operation, "pool", "id", "settings", List.of(), null);
  }

  static FaultCall update(String dataset, String... keys) {
    return new FaultCall("UpdateRecords", "pool", "id", dataset, List.of(keys), null);
  }

  /** For n calls, which (1-based) calls the rules fired on. */
  List<Integer> firing(FaultCall call, int n) {
    List<Integer> fired = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      List<FaultCandidate> c = rules.evaluate(call);
      if (!c.isEmpty()) {
        c.forEach(x -> x.onApplied().run());
        fired.add(i);
      }
    }
    return fired;
  }

  @Test
  void nthCallFiresOnlyOnTheNthMatchingCall() {
    rules.add(FaultRule.on("UpdateRecords").nthCall(2).error(ErrorShape.TooManyRequestsException));
    assertThat(rules.evaluate(call("ListRecords"))).isEmpty(); // not matched, not counted
    assertThat(firing(update("settings", "k"), 5)).containsExactly(2);
  }

  @Test
  void firstCallsAndEveryNthCall() {
    String first =
        rules
            .add(FaultRule.on("ListRecords").firstCalls(3).error(ErrorShape.InternalErrorException))
            .id();
    assertThat(firing(call("ListRecords"), 6)).containsExactly(1, 2, 3);
    rules.remove(first);
    rules.add(FaultRule.on("ListRecords").everyNthCall(3).error(ErrorShape.InternalErrorException));
    assertThat(firing(call("ListRecords"), 9)).containsExactly(3, 6, 9);
  }

  @Test
  void probabilityIsSeededSoRunsRepeat() {
    rules.add(
        FaultRule.on("ListRecords")
            .probability(0.3, 42)
            .error(ErrorShape.TooManyRequestsException));
    List<Integer> firstRun = firing(call("ListRecords"), 200);
    rules.clear();
    rules.add(
        FaultRule.on("ListRecords")
            .probability(0.3, 42)
            .error(ErrorShape.TooManyRequestsException));
    List<Integer> secondRun = firing(call("ListRecords"), 200);
    assertThat(secondRun).isEqualTo(firstRun);
    assertThat(firstRun.size()).isBetween(35, 85); // about 60 of 200
    rules.clear();
    rules.add(
        FaultRule.on("ListRecords").probability(0.3, 7).error(ErrorShape.TooManyRequestsException));
    assertThat(firing(call("ListRecords"), 200)).isNotEqualTo(firstRun);
  }

  @Test
  void windowsFollowTheEngineClock() {
    rules.add(
        FaultRule.on("ListRecords")
            .during(Duration.ofSeconds(10), Duration.ofSeconds(5))
            .error(ErrorShape.InternalErrorException));
    // resolved against the clock when added
    assertThat(rules.list().get(0).rule().trigger())
        .isEqualTo(
            new FaultTrigger.Window(
                Instant.parse("2024-01-01T00:00:10Z"), Instant.parse("2024-01-01T00:00:15Z")));
    assertThat(firing(call("ListRecords"), 1)).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(firing(call("ListRecords"), 1)).hasSize(1);
    clock.advance(Duration.ofMillis(4999));
    assertThat(firing(call("ListRecords"), 1)).hasSize(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(firing(call("ListRecords"), 1)).isEmpty();
  }

  @Test
  void matchesPoolIdentityDatasetAndRecordKey() {
    rules.add(FaultRule.on("UpdateRecords").dataset("settings").recordKey("theme").conflict());
    assertThat(rules.evaluate(update("settings", "font"))).isEmpty();
    assertThat(rules.evaluate(update("other", "theme"))).isEmpty();
    assertThat(rules.evaluate(update("settings", "font", "theme"))).hasSize(1);
    rules.clear();
    rules.add(
        FaultRule.anyOperation()
            .identityPool("pool")
            .identity("someone-else")
            .error(ErrorShape.InternalErrorException));
    assertThat(rules.evaluate(call("ListRecords"))).isEmpty();
  }

  @Test
  void countsMatchedAndFiredCalls() {
    FaultRule rule =
        rules.add(
            FaultRule.on("ListRecords").everyNthCall(2).error(ErrorShape.TooManyRequestsException));
    assertThat(rule.id()).isEqualTo("rule-1");
    firing(call("ListRecords"), 5);
    assertThat(rules.get("rule-1"))
        .hasValueSatisfying(
            s -> {
              assertThat(s.matched()).isEqualTo(5);
              assertThat(s.fired()).isEqualTo(2);
            });
    assertThat(rules.fired("rule-1")).isEqualTo(2);
    assertThat(rules.remove("rule-1")).isTrue();
    assertThat(rules.list()).isEmpty();
    assertThat(rules.remove("rule-1")).isFalse();
  }

  @Test
  void B7_refusesAnErrorTheOperationDoesNotModel() {
    // ListRecords lists no ResourceConflictException, BulkPublish no TooManyRequestsException
    assertThatThrownBy(
            () ->
                rules.add(FaultRule.on("ListRecords").error(ErrorShape.ResourceConflictException)))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("ListRecords does not model ResourceConflictException");
    assertThatThrownBy(
            () -> rules.add(FaultRule.on("BulkPublish").error(ErrorShape.TooManyRequestsException)))
        .isInstanceOf(InvalidFaultException.class);
    assertThatThrownBy(() -> rules.add(FaultRule.on("BulkPublish").rateLimit(5)))
        .isInstanceOf(InvalidFaultException.class);
    assertThatThrownBy(() -> rules.add(FaultRule.on("ListRecords").conflict()))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("UpdateRecords only");
    assertThatThrownBy(
            () -> rules.add(FaultRule.on("PutRecords").error(ErrorShape.InternalErrorException)))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessageContaining("Unknown operation");
    assertThat(rules.list()).isEmpty();
    // every modeled error of UpdateRecords is accepted
    for (String error : MODEL.operation("UpdateRecords").errors()) {
      rules.add(FaultRule.on("UpdateRecords").error(ErrorShape.valueOf(error)));
    }
    assertThat(rules.list()).hasSize(MODEL.operation("UpdateRecords").errors().size());
  }

  @Test
  void anAnyOperationRuleSkipsOperationsThatDoNotModelItsError() {
    rules.add(FaultRule.anyOperation().error(ErrorShape.TooManyRequestsException));
    assertThat(rules.evaluate(call("ListRecords"))).hasSize(1);
    assertThat(rules.evaluate(call("GetBulkPublishDetails"))).isEmpty();
    assertThat(rules.list().get(0).matched()).isEqualTo(1);
  }

  @Test
  void rateLimitFiresOnlyWhenTheBucketIsEmpty() {
    rules.add(FaultRule.on("ListRecords").rateLimit(10, 2, FaultAction.RateLimit.Per.IDENTITY));
    FaultCall a = call("ListRecords");
    FaultCall b = new FaultCall("ListRecords", "pool", "other", "settings", List.of(), null);
    assertThat(firing(a, 3)).containsExactly(3); // burst of 2, then empty
    assertThat(firing(b, 2)).isEmpty(); // another identity has its own bucket
    nanos.addAndGet(100_000_000); // 0.1 s: one token for each
    assertThat(firing(a, 2)).containsExactly(2);
  }

  @Test
  void tokenBucketRefillsAtItsRateUpToItsCapacity() {
    AtomicLong t = new AtomicLong();
    TokenBucket bucket = new TokenBucket(4, 2, t::get);
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
    t.addAndGet(250_000_000); // a quarter second at 4/s: one token
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
    t.addAndGet(10_000_000_000L); // long idle: capped at capacity 2
    assertThat(bucket.available()).isEqualTo(2.0);
  }

  @Test
  void latencyIsSampledWithinBoundsAndRepeatsForTheSameSeed() {
    rules.add(FaultRule.on("ListRecords").delay(Duration.ofMillis(100), Duration.ofMillis(200), 5));
    List<Duration> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(rules.evaluate(call("ListRecords")).get(0).delay());
    }
    assertThat(first).allSatisfy(d -> assertThat(d.toMillis()).isBetween(100L, 200L));
    assertThat(first.stream().distinct().count()).isGreaterThan(10);
    rules.clear();
    rules.add(FaultRule.on("ListRecords").delay(Duration.ofMillis(100), Duration.ofMillis(200), 5));
    List<Duration> second = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      second.add(rules.evaluate(call("ListRecords")).get(0).delay());
    }
    assertThat(second).isEqualTo(first);
  }

  @Test
  void idsAreUniqueAndMayBeChosen() {
    rules.add(FaultRule.on("ListRecords").id("slow").delay(Duration.ofMillis(1)));
    assertThatThrownBy(
            () -> rules.add(FaultRule.on("ListRecords").id("slow").delay(Duration.ofMillis(1))))
        .isInstanceOf(InvalidFaultException.class);
    assertThat(rules.add(FaultRule.on("ListRecords").delay(Duration.ofMillis(1))).id())
        .isEqualTo("rule-1");
  }
}
