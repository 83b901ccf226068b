package dev.cognitosyncmock.security;

/**
 * What a call reaches, as the credential-class check (SEMANTICS A7) sees it.
 *
 * @param identityPoolId the call's IdentityPoolId, null when the operation has none
 * @param identityId the call's IdentityId member, null when it has none
 * @param datasetName the call's DatasetName member, null when it has none
 */
public record CallScope(
    String operation, String identityPoolId, String identityId, String datasetName) {}
