package dev.cognitosyncmock.faults;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The fault rules in force, in the order they were added, with how often each matched and fired.
 * Thread-safe: calls are evaluated one at a time, so counts and seeded draws follow call order.
 */
public final class FaultRules {
  private final FaultValidation validation;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean empty = true;

  FaultRules(FaultValidation validation, Clock clock, LongSupplier nanoTime) {
    this.validation = validation;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** A rule, how many calls it matched and how many it fired on. */
  public record Status(FaultRule rule, long matched, long fired) {}

  /**
   * Adds a rule after the others; answers it with its id (assigned when it had none) and a relative
   * window resolved against the engine clock.
   *
   * @throws InvalidFaultException when the operation does not model the rule's error, a conflict
   *     names another operation than UpdateRecords, the id is taken, ...
   */
  public synchronized FaultRule add(FaultRule rule) {
    validation.check(rule.match().operation(), rule.action(), false);
    String id = rule.id();
    if (id == null || id.isBlank()) {
      do {
        id = "rule-" + ids.incrementAndGet();
      } while (entries.containsKey(id));
    } else if (entries.containsKey(id)) {
      throw new InvalidFaultException("A fault rule with id '" + id + "' exists already");
    }
    FaultRule added = rule.withId(id);
    if (added.trigger() instanceof FaultTrigger.RelativeWindow relative) {
      added = added.withTrigger(relative.resolve(clock.instant()));
    }
    entries.put(id, new Entry(added));
    empty = false;
    return added;
  }

  /** Adds every rule, or none of them when one is refused. */
  public synchronized List<FaultRule> addAll(List<FaultRule> rules) {
    List<FaultRule> added = new ArrayList<>();
    try {
      for (FaultRule rule : rules) {
        added.add(add(rule));
      }
    } catch (RuntimeException e) {
      added.forEach(r -> entries.remove(r.id()));
      empty = entries.isEmpty();
      throw e;
    }
    return added;
  }

  public synchronized boolean remove(String id) {
    boolean removed = entries.remove(id) != null;
    empty = entries.isEmpty();
    return removed;
  }

  public synchronized void clear() {
    entries.clear();
    empty = true;
  }

  public synchronized List<Status> list() {
    return entries.values().stream().map(Entry::status).toList();
  }

  public synchronized Optional<Status> get(String id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::status);
  }

  public boolean isEmpty() {
    return empty;
  }

  /** How often the rule fired; 0 for an unknown id. */
  public long fired(String id) {
    return get(id).map(Status::fired).orElse(0L);
  }

  /**
   * Counts the call against every rule that matches it and answers the rules that fire, in order. A
   * rate limit fires only when its bucket is empty.
   */
  List<FaultCandidate> evaluate(FaultCall call) {
    if (empty) {
      return List.of();
    }
    synchronized (this) {
      List<FaultCandidate> fired = new ArrayList<>();
      for (Entry e : entries.values()) {
        FaultCandidate c = e.evaluate(call);
        if (c != null) {
          fired.add(c);
        }
      }
      return fired;
    }
  }

  private final class Entry {
    final FaultRule rule;
    final AtomicLong matched = new AtomicLong();
    final AtomicLong fired = new AtomicLong();
    final Random draws;
    final Random delays;
    final Map<String, TokenBucket> buckets = new LinkedHashMap<>();

    Entry(FaultRule rule) {
      this.rule = rule;
      this.draws = new Random(rule.trigger() instanceof FaultTrigger.Probability p ? p.seed() : 0);
      this.delays = new Random(rule.action() instanceof FaultAction.Latency l ? l.seed() : 0);
    }

    Status status() {
      return new Status(rule, matched.get(), fired.get());
    }

    FaultCandidate evaluate(FaultCall call) {
      if (!rule.match().matches(call)
          || (rule.match().anyOperation()
              && !validation.applicable(call.operation(), rule.action()))) {
        return null;
      }
      long n = matched.incrementAndGet();
      if (!fires(n)) {
        return null;
      }
      if (rule.action() instanceof FaultAction.RateLimit limit
          && bucket(limit, call).tryAcquire()) {
        return null;
      }
      return new FaultCandidate(
          "rule " + rule.id(), rule.action(), sampleDelay(), fired::incrementAndGet);
    }

    boolean fires(long n) {
      FaultTrigger t = rule.trigger();
      if (t instanceof FaultTrigger.NthCall nth) {
        return n == nth.n();
      }
      if (t instanceof FaultTrigger.FirstCalls first) {
        return n <= first.n();
      }
      if (t instanceof FaultTrigger.EveryNthCall every) {
        return n % every.n() == 0;
      }
      if (t instanceof FaultTrigger.Probability p) {
        return draws.nextDouble() < p.probability();
      }
      if (t instanceof FaultTrigger.Window w) {
        return w.contains(clock.instant());
      }
      return true;
    }

    TokenBucket bucket(FaultAction.RateLimit limit, FaultCall call) {
      String key =
          switch (limit.per()) {
            case OPERATION -> call.operation();
            case IDENTITY -> call.identityPoolId() + "/" + call.identityId();
            case RULE -> "";
          };
      return buckets.computeIfAbsent(
          key, k -> new TokenBucket(limit.perSecond(), limit.burst(), nanoTime));
    }

    Duration sampleDelay() {
      return rule.action() instanceof FaultAction.Latency l ? sample(l, delays) : null;
    }
  }

  static Duration sample(FaultAction.Latency latency, Random random) {
    if (latency.fixed()) {
      return latency.min();
    }
    long min = latency.min().toMillis();
    long span = latency.max().toMillis() - min;
    return Duration.ofMillis(min + (long) Math.floor(random.nextDouble() * (span + 1)));
  }
}
