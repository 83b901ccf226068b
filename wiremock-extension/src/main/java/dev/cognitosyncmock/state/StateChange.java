package dev.cognitosyncmock.state;

/**
 * A committed change to the mock's state, as the service that made it reports it. Persistence, side
 * effects and recording follow these events, never operation names.
 */
public interface StateChange {}
