package dev.cognitosyncmock.schemas;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** The one mapper and the one output format for every JSON file this module writes. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  // Fixed indenter and "\n" so committed files are byte-identical on every platform.
  private static final ObjectWriter PRETTY =
      MAPPER
          .writer()
          .with(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private Json() {}

  /** Pretty-printed, two-space indent, LF line ends, trailing newline. */
  static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node) + "\n";
  }
}
