package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins down what networknt 3.0.9's {@link Error} exposes, because the protocol layer turns these
 * into AWS-style InvalidParameterException messages (summarised in README "Validation errors"). In
 * 3.x the default path type is JSON Pointer, so {@code getInstanceLocation().toString()} is {@code
 * /RecordPatches/0/Op} and the root is the empty string. Every argument is a String.
 */
class NetworkntErrorTest {

  private static final String OK =
      "'IdentityPoolId':'us-east-1:ab','IdentityId':'us-east-1:cd','DatasetName':'d'";

  /** operation, instance, keyword, instance location, property, arguments, message. */
  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of(
            "ListRecords",
            "{'IdentityPoolId':'bad pool','IdentityId':'us-east-1:cd','DatasetName':'d'}",
            "pattern",
            "/IdentityPoolId",
            null,
            List.of("^(?:[\\w-]+:[0-9a-f-]+)$"),
            "does not match the regex pattern ^(?:[\\w-]+:[0-9a-f-]+)$"),
        Arguments.of(
            "ListRecords",
            "{'IdentityPoolId':'us-east-1:ab','IdentityId':'us-east-1:cd','DatasetName':'"
                + "x".repeat(129)
                + "'}",
            "maxLength",
            "/DatasetName",
            null,
            List.of("128"),
            "must be at most 128 characters long"),
        Arguments.of(
            "UpdateRecords",
            "{"
                + OK
                + ",'SyncSessionToken':'t','RecordPatches':[{'Op':'upsert','Key':'k','SyncCount':0}]}",
            "enum",
            "/RecordPatches/0/Op",
            null,
            List.of("[\"replace\", \"remove\"]"),
            "does not have a value in the enumeration [\"replace\", \"remove\"]"),
        Arguments.of(
            "UpdateRecords",
            "{" + OK + "}",
            "required",
            "",
            "SyncSessionToken",
            List.of("SyncSessionToken"),
            "required property 'SyncSessionToken' not found"),
        Arguments.of(
            "UpdateRecords",
            "{"
                + OK
                + ",'SyncSessionToken':'t','RecordPatches':[{'Op':'replace','Key':'k','SyncCount':'zero'}]}",
            "type",
            "/RecordPatches/0/SyncCount",
            null,
            List.of("string", "integer"),
            "string found, integer expected"),
        Arguments.of(
            "SetCognitoEvents",
            "{'IdentityPoolId':'us-east-1:ab','Events':{'SyncTrigger':'a','Other':'b'}}",
            "maxProperties",
            "/Events",
            null,
            List.of("1"),
            "must have at most 1 properties"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("violations")
  void errorExposesKeywordLocationArgumentsAndMessage(
      String operation,
      String instance,
      String keyword,
      String location,
      String property,
      List<String> arguments,
      String message) {
    List<Error> errors = Validation.validateInput(operation, instance);
    assertThat(errors).hasSize(1);
    Error error = errors.get(0);
    assertThat(error.getKeyword()).isEqualTo(keyword);
    assertThat(error.getMessageKey()).isEqualTo(keyword);
    assertThat(error.getInstanceLocation().toString()).isEqualTo(location);
    assertThat(error.getProperty()).isEqualTo(property);
    assertThat(error.getArguments()).containsExactlyElementsOf(arguments);
    assertThat(error.getMessage()).isEqualTo(message);
    // toString() is "<instance location>: <message>"
    assertThat(error.toString()).isEqualTo(location + ": " + message);
    // the offending value and the schema value are available as JSON nodes, and where the rule sits
    assertThat(error.getInstanceNode()).isNotNull();
    assertThat(error.getSchemaNode()).isNotNull();
    assertThat(error.getSchemaLocation().toString())
        .startsWith("https://cognitosyncmock.dev/schemas/input/" + operation + ".json#/")
        .endsWith("/" + keyword);
  }
}
