package dev.cognitosyncmock.engine;

import java.util.Objects;

/**
 * Who made a call. Developer credentials act for an AWS account; Cognito identity credentials act
 * for one identity. {@code LastModifiedBy} names the principal (SEMANTICS C5).
 */
public record Caller(Kind kind, String principal) {
  public enum Kind {
    DEVELOPER,
    IDENTITY
  }

  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  public Caller {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(principal, "principal");
  }

  public static Caller developer(String accountId) {
    return new Caller(Kind.DEVELOPER, accountId);
  }

  public static Caller developer() {
    return developer(DEFAULT_ACCOUNT_ID);
  }

  public static Caller identity(String identityId) {
    return new Caller(Kind.IDENTITY, identityId);
  }
}
