package dev.cognitosyncmock.security;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;

/**
 * The one place for the authentication errors the Cognito Sync model does not define. Their names
 * and statuses follow the list of errors common to all AWS APIs: 403 for a missing token, a
 * signature that does not match or an unknown key; 400 for an incomplete signature or an expired
 * request. Each borrows the status of a modeled shape with that status, so the protocol layer sends
 * it like any other error (x-amzn-ErrorType, {"message": ...}).
 */
public final class AuthErrors {
  public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationToken";
  public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
  public static final String INVALID_SIGNATURE = "InvalidSignatureException";
  public static final String REQUEST_EXPIRED = "RequestExpired";
  public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
  public static final String EXPIRED_TOKEN = "ExpiredTokenException";

  /** 403 */
  private static final ErrorShape FORBIDDEN = ErrorShape.NotAuthorizedException;

  /** 400 */
  private static final ErrorShape BAD_REQUEST = ErrorShape.InvalidParameterException;

  private AuthErrors() {}

  static ServiceException missingAuthenticationToken() {
    return ServiceException.unmodeled(
        MISSING_AUTHENTICATION_TOKEN, FORBIDDEN, "Missing Authentication Token");
  }

  static ServiceException incompleteSignature(String detail) {
    return ServiceException.unmodeled(INCOMPLETE_SIGNATURE, BAD_REQUEST, detail);
  }

  static ServiceException invalidSignature(String detail) {
    return ServiceException.unmodeled(INVALID_SIGNATURE, FORBIDDEN, detail);
  }

  static ServiceException signatureDoesNotMatch() {
    return invalidSignature(
        "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method.");
  }

  static ServiceException requestExpired(String detail) {
    return ServiceException.unmodeled(REQUEST_EXPIRED, BAD_REQUEST, detail);
  }

  static ServiceException unrecognizedClient() {
    return ServiceException.unmodeled(
        UNRECOGNIZED_CLIENT, FORBIDDEN, "The security token included in the request is invalid.");
  }

  /** Temporary credentials past their expiration (IDENTITY.md H47). */
  static ServiceException expiredToken() {
    return ServiceException.unmodeled(
        EXPIRED_TOKEN, FORBIDDEN, "The security token included in the request is expired");
  }

  public static final String ACCESS_DENIED = "AccessDeniedException";

  /**
   * A7 [I10]: IAM's refusal of identity credentials reaching another identity's data, before
   * Cognito Sync sees the call. Not a modeled shape; the message names the assumed role, whose
   * session name is always CognitoIdentityCredentials.
   */
  static ServiceException accessDenied(
      String accountId, String roleName, String operation, String resourceArn) {
    return ServiceException.unmodeled(
        ACCESS_DENIED,
        FORBIDDEN,
        "User: arn:aws:sts::"
            + accountId
            + ":assumed-role/"
            + roleName
            + "/CognitoIdentityCredentials is not authorized to perform: "
            + "cognito-sync:"
            + operation
            + " on resource: "
            + resourceArn);
  }

  /** A modeled error (A7): the credential class may not make this call. */
  static ServiceException notAuthorized(String message) {
    return new ServiceException(ErrorShape.NotAuthorizedException, message);
  }
}
