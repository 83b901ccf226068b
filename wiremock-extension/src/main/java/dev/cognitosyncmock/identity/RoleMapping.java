package dev.cognitosyncmock.identity;

import java.util.List;

/** The model's RoleMapping: how an authenticated identity of one provider gets its role (H46). */
public record RoleMapping(
    String type, String ambiguousRoleResolution, RulesConfiguration rulesConfiguration) {

  public record RulesConfiguration(List<MappingRule> rules) {}

  /** Claim, MatchType (Equals, Contains, StartsWith, NotEqual), Value, RoleARN. */
  public record MappingRule(String claim, String matchType, String value, String roleARN) {}
}
