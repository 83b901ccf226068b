package dev.cognitosyncmock.engine;

import java.util.Objects;

/** The one error type: a modeled error shape and the message the caller sees. */
public final class ServiceException extends RuntimeException {
  private final ErrorShape shape;

  public ServiceException(ErrorShape shape, String message) {
    super(message, null, false, false);
    this.shape = Objects.requireNonNull(shape, "shape");
  }

  public ErrorShape shape() {
    return shape;
  }

  static ServiceException invalidParameter(String message) {
    return new ServiceException(ErrorShape.InvalidParameterException, message);
  }

  static ServiceException notFound(String message) {
    return new ServiceException(ErrorShape.ResourceNotFoundException, message);
  }
}
