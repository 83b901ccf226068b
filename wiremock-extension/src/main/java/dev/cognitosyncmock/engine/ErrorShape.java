package dev.cognitosyncmock.engine;

/**
 * The error shapes the service models declare (Cognito Sync's, and the three only Cognito Identity
 * has). Constant names are the model's shape names; the HTTP status is looked up in the model by
 * the protocol layer, never kept here.
 */
public enum ErrorShape {
  AlreadyStreamedException,
  ConcurrentModificationException,
  DeveloperUserAlreadyRegisteredException,
  DuplicateRequestException,
  ExternalServiceException,
  InternalErrorException,
  InvalidConfigurationException,
  InvalidIdentityPoolConfigurationException,
  InvalidLambdaFunctionOutputException,
  InvalidParameterException,
  LambdaThrottledException,
  LimitExceededException,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException
}
