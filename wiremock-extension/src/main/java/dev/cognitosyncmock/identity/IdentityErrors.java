package dev.cognitosyncmock.identity;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;

/** The messages of IDENTITY.md, each once. */
final class IdentityErrors {
  static final String LOGINS_DONT_MATCH =
      "Logins don't match. Please include at least one valid login for this identity or identity pool.";
  static final String UNSUPPORTED_PROVIDER =
      "Token is not from a supported provider of this identity pool.";

  private IdentityErrors() {}

  static ServiceException poolNotFound(String poolId) {
    return new ServiceException(
        ErrorShape.ResourceNotFoundException, "IdentityPool '" + poolId + "' not found.");
  }

  static ServiceException identityNotFound(String identityId) {
    return new ServiceException(
        ErrorShape.ResourceNotFoundException, "Identity '" + identityId + "' not found.");
  }

  static ServiceException forbidden(String identityId) {
    return notAuthorized("Access to Identity '" + identityId + "' is forbidden.");
  }

  static ServiceException notAuthorized(String message) {
    return new ServiceException(ErrorShape.NotAuthorizedException, message);
  }

  static ServiceException invalidParameter(String message) {
    return new ServiceException(ErrorShape.InvalidParameterException, message);
  }

  static ServiceException conflict(String message) {
    return new ServiceException(ErrorShape.ResourceConflictException, message);
  }

  static ServiceException notFound(String message) {
    return new ServiceException(ErrorShape.ResourceNotFoundException, message);
  }

  static ServiceException limitExceeded(String message) {
    return new ServiceException(ErrorShape.LimitExceededException, message);
  }

  static ServiceException noRole() {
    return new ServiceException(
        ErrorShape.InvalidIdentityPoolConfigurationException,
        "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
  }
}
