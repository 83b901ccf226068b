package dev.cognitosyncmock.engine;

/** A pool's configuration; a section never set is null (SEMANTICS G1). */
public record PoolConfiguration(
    String identityPoolId, PushSyncConfig pushSync, CognitoStreamsConfig cognitoStreams) {}
