package dev.cognitosyncmock.engine;

/** A device registered for push sync by RegisterDevice (SEMANTICS G4). */
public record Device(String deviceId, String platform, String token) {}
