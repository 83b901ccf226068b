package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.StateChange;

/** ListRecords issued a sync session: the pool's SyncSessionsCount rose by one (SEMANTICS D5). */
public record SyncSessionStarted(String identityPoolId) implements StateChange {}
