package dev.cognitosyncmock.faults;

import java.time.Duration;

/**
 * A fault that fired for a call: where it came from, its action, its sampled delay (for a latency),
 * and what to do once it has been applied (count it).
 */
record FaultCandidate(String source, FaultAction action, Duration delay, Runnable onApplied) {}
