package dev.cognitosyncmock.identity;

import java.util.Map;

/** H18: UseDefaults and PrincipalTags of one provider of a pool. */
public record PrincipalTags(boolean useDefaults, Map<String, String> principalTags) {}
