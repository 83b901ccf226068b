package dev.cognitosyncmock.engine;

import java.util.Objects;

/**
 * The one error type: a modeled error shape and the message the caller sees. The shape decides the
 * HTTP status. {@link #errorType()} is the shape's name, except for the few errors the real service
 * sends under a name the model does not define (LambdaSocketTimeoutException, SEMANTICS G3): those
 * borrow the status of their closest modeled shape.
 */
public final class ServiceException extends RuntimeException {
  private final ErrorShape shape;
  private final String errorType;

  public ServiceException(ErrorShape shape, String message) {
    this(shape, shape.name(), message);
  }

  private ServiceException(ErrorShape shape, String errorType, String message) {
    super(message, null, false, false);
    this.shape = Objects.requireNonNull(shape, "shape");
    this.errorType = Objects.requireNonNull(errorType, "errorType");
  }

  /** An error named {@code errorType} on the wire, answered with {@code statusOf}'s status. */
  public static ServiceException unmodeled(String errorType, ErrorShape statusOf, String message) {
    return new ServiceException(statusOf, errorType, message);
  }

  public ErrorShape shape() {
    return shape;
  }

  /** The x-amzn-ErrorType to send: the shape's name unless this error is unmodeled. */
  public String errorType() {
    return errorType;
  }

  static ServiceException invalidParameter(String message) {
    return new ServiceException(ErrorShape.InvalidParameterException, message);
  }

  static ServiceException notFound(String message) {
    return new ServiceException(ErrorShape.ResourceNotFoundException, message);
  }
}
