package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.StateChange;
import java.time.Instant;

/** An identity pool became known: on first use, or registered through the admin API. */
public record PoolRegistered(String identityPoolId, Instant creationDate) implements StateChange {}
