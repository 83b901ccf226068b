package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.StateChange;

/** The whole state was replaced: a reset or an import. */
public record StateReplaced() implements StateChange {}
