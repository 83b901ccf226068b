package dev.cognitosyncmock.junit;

/**
 * One request the mock's WireMock server answered.
 *
 * @param method the HTTP method
 * @param url the path and query as sent
 * @param operation the Cognito Sync operation the method and path name (e.g. {@code ListRecords}),
 *     or null when none does (admin calls, stray requests)
 * @param status the HTTP status answered
 */
public record ReceivedRequest(String method, String url, String operation, int status) {}
