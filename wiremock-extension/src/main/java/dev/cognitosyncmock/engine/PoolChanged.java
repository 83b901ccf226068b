package dev.cognitosyncmock.engine;

import dev.cognitosyncmock.state.StateChange;

/**
 * Something else about a pool changed: configuration, Cognito events, mock settings, devices,
 * subscriptions, a bulk publish run or a merge of two of its identities. Rare enough that
 * persistence makes it durable with a snapshot rather than a journal line.
 */
public record PoolChanged(String identityPoolId) implements StateChange {}
