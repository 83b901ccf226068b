package dev.cognitosyncmock.engine;

/**
 * The error shapes the service model declares. Constant names are the model's shape names; the
 * HTTP status is looked up in the model by the protocol layer, never kept here.
 */
public enum ErrorShape {
  AlreadyStreamedException,
  ConcurrentModificationException,
  DuplicateRequestException,
  InternalErrorException,
  InvalidConfigurationException,
  InvalidLambdaFunctionOutputException,
  InvalidParameterException,
  LambdaThrottledException,
  LimitExceededException,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException
}
