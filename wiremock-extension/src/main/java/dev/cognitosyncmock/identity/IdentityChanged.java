package dev.cognitosyncmock.identity;

import dev.cognitosyncmock.state.StateChange;

/**
 * Cognito Identity's state changed (pools, identities, logins, credentials). Identity state is
 * small, so persistence rewrites it whole rather than journaling each change.
 */
public record IdentityChanged() implements StateChange {}
