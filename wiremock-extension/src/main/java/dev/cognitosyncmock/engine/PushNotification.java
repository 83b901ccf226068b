package dev.cognitosyncmock.engine;

import java.time.Instant;
import java.util.Map;

/**
 * A silent push the service would have sent through SNS (SEMANTICS G4). {@code data} holds exactly
 * the documented keys: source, identityPoolId, identityId, datasetName and syncCount, all strings
 * (Android parses syncCount from a string).
 */
public record PushNotification(
    String identityPoolId,
    String identityId,
    String datasetName,
    String deviceId,
    String platform,
    String token,
    Map<String, String> data,
    Instant sentAt) {}
