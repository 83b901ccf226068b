package dev.cognitosyncmock.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper for Cognito Identity values, on the wire and in state documents: record components
 * map to the model's capitalized member names ({@code identityPoolName} to {@code
 * IdentityPoolName}), members never set are left out (H10), and unknown members are refused, so
 * that a state document with a typo fails instead of losing data.
 */
public final class IdentityJson {
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
          .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private IdentityJson() {}
}
