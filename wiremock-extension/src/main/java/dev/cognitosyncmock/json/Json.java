package dev.cognitosyncmock.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of request and response bodies and of the documents the admin API and the journal
 * exchange. Documents a user writes by hand (seeds, faults, identity state) are read with strict
 * mappers of their own, which refuse unknown members.
 */
public final class Json {
  /**
   * Nesting is capped well below Jackson's default: no Cognito Sync input nests deeper than 4, and
   * a hostile body should not cost stack. BigDecimal is written plain so timestamps never come out
   * in exponent form (SEMANTICS A4).
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build())
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // state documents may leave counts out; they are filled in on import
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private Json() {}
}
