package dev.cognitosyncmock.faults;

/** A fault rule, action or scenario that cannot be used; the admin API answers it with 400. */
public final class InvalidFaultException extends IllegalArgumentException {
  public InvalidFaultException(String message) {
    super(message);
  }
}
