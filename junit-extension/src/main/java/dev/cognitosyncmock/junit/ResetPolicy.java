package dev.cognitosyncmock.junit;

/** When the mock's state goes back to its starting point (empty, or the seed). */
public enum ResetPolicy {
  /** Before every test method: tests in one class cannot see each other's writes. */
  PER_TEST,
  /**
   * Never within a class: tests share state in execution order (each class still gets its own mock,
   * so classes stay isolated).
   */
  PER_CLASS
}
