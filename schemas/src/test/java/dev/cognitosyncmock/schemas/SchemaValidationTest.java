package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The generated schemas, run through networknt (2020-12), accept and reject what the model says.
 */
class SchemaValidationTest {

  private static final String POOL = "us-east-1:0123abcd-4567-89ef-0123-456789abcdef";
  private static final String IDENTITY = "us-east-1:fedcba98-7654-3210-fedc-ba9876543210";

  /** A valid UpdateRecords request with {@code %s} where the case under test puts extra members. */
  private static String updateRecords(String dataset, String extra) {
    return "{'IdentityPoolId':'"
        + POOL
        + "','IdentityId':'"
        + IDENTITY
        + "','DatasetName':'"
        + dataset
        + "','SyncSessionToken':'token'"
        + extra
        + "}";
  }

  private static String patch(String body) {
    return ",'RecordPatches':[" + body + "]";
  }

  private static String listRecords(String query) {
    return "{'IdentityPoolId':'"
        + POOL
        + "','IdentityId':'"
        + IDENTITY
        + "','DatasetName':'d'"
        + query
        + "}";
  }

  private static String poolConfig(String extra) {
    return "{'IdentityPoolId':'" + POOL + "'" + extra + "}";
  }

  /** operation, instance, expected keyword (null = valid), expected instance location. */
  static Stream<Arguments> inputCases() {
    return Stream.of(
        // minLength / maxLength
        Arguments.of("UpdateRecords", updateRecords("a", ""), null, null),
        Arguments.of("UpdateRecords", updateRecords("", ""), "minLength", "/DatasetName"),
        Arguments.of("UpdateRecords", updateRecords("x".repeat(128), ""), null, null),
        Arguments.of(
            "UpdateRecords", updateRecords("x".repeat(129), ""), "maxLength", "/DatasetName"),
        Arguments.of(
            "UpdateRecords",
            updateRecords(
                "d", patch("{'Op':'replace','Key':'" + "k".repeat(1024) + "','SyncCount':0}")),
            null,
            null),
        Arguments.of(
            "UpdateRecords",
            updateRecords(
                "d", patch("{'Op':'replace','Key':'" + "k".repeat(1025) + "','SyncCount':0}")),
            "maxLength",
            "/RecordPatches/0/Key"),
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", patch("{'Op':'replace','Key':'','SyncCount':0}")),
            "minLength",
            "/RecordPatches/0/Key"),
        Arguments.of(
            "UpdateRecords", updateRecords("d", ",'DeviceId':''"), "minLength", "/DeviceId"),
        // pattern (anchored: a valid value followed by junk must fail)
        Arguments.of("UpdateRecords", updateRecords("my.data_set:1-2", ""), null, null),
        Arguments.of("UpdateRecords", updateRecords("my dataset", ""), "pattern", "/DatasetName"),
        Arguments.of(
            "ListRecords",
            listRecords("").replace(POOL, "us-east-1_0123abcd"),
            "pattern",
            "/IdentityPoolId"),
        Arguments.of(
            "ListRecords", listRecords("").replace(POOL, POOL + "!"), "pattern", "/IdentityPoolId"),
        Arguments.of(
            "ListRecords",
            listRecords("").replace(POOL, "x " + POOL),
            "pattern",
            "/IdentityPoolId"),
        Arguments.of(
            "SetIdentityPoolConfiguration",
            poolConfig(
                ",'CognitoStreams':{'RoleArn':'arn:aws:iam::123456789012:role/stream','StreamingStatus':'ENABLED'}"),
            null,
            null),
        Arguments.of(
            "SetIdentityPoolConfiguration",
            poolConfig(",'CognitoStreams':{'RoleArn':'arn:aws:iam::acct:role/stream'}"),
            "pattern",
            "/CognitoStreams/RoleArn"),
        Arguments.of(
            "SetIdentityPoolConfiguration",
            poolConfig(
                ",'PushSync':{'ApplicationArns':['arn:aws:sns:us-east-1:123456789012:app/GCM/my-app']}"),
            null,
            null),
        Arguments.of(
            "SetIdentityPoolConfiguration",
            poolConfig(
                ",'PushSync':{'ApplicationArns':['arn:aws:sns:us-east-1:123456789012:app/gcm/my-app']}"),
            "pattern",
            "/PushSync/ApplicationArns/0"),
        // enum
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", patch("{'Op':'remove','Key':'k','SyncCount':3}")),
            null,
            null),
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", patch("{'Op':'upsert','Key':'k','SyncCount':3}")),
            "enum",
            "/RecordPatches/0/Op"),
        Arguments.of(
            "RegisterDevice",
            "{'IdentityPoolId':'"
                + POOL
                + "','IdentityId':'"
                + IDENTITY
                + "','Platform':'APNS_SANDBOX','Token':'t'}",
            null,
            null),
        Arguments.of(
            "RegisterDevice",
            "{'IdentityPoolId':'"
                + POOL
                + "','IdentityId':'"
                + IDENTITY
                + "','Platform':'apns','Token':'t'}",
            "enum",
            "/Platform"),
        Arguments.of(
            "SetIdentityPoolConfiguration",
            poolConfig(",'CognitoStreams':{'StreamingStatus':'ON'}"),
            "enum",
            "/CognitoStreams/StreamingStatus"),
        // required
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", "").replace(",'SyncSessionToken':'token'", ""),
            "required",
            ""),
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", patch("{'Op':'replace','SyncCount':0}")),
            "required",
            "/RecordPatches/0"),
        Arguments.of("ListIdentityPoolUsage", "{}", null, null),
        Arguments.of("SetCognitoEvents", poolConfig(""), "required", ""),
        // type
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", patch("{'Op':'replace','Key':'k','SyncCount':'0'}")),
            "type",
            "/RecordPatches/0/SyncCount"),
        Arguments.of(
            "UpdateRecords",
            updateRecords(
                "d",
                patch(
                    "{'Op':'replace','Key':'k','Value':'v','SyncCount':0,'DeviceLastModifiedDate':1700574873.059}")),
            null,
            null),
        Arguments.of(
            "UpdateRecords",
            updateRecords(
                "d",
                patch(
                    "{'Op':'replace','Key':'k','SyncCount':0,'DeviceLastModifiedDate':'2023-11-21T12:00:00Z'}")),
            "type",
            "/RecordPatches/0/DeviceLastModifiedDate"),
        Arguments.of(
            "UpdateRecords",
            updateRecords("d", ",'RecordPatches':{'Op':'replace'}"),
            "type",
            "/RecordPatches"),
        Arguments.of(
            "ListRecords", listRecords(",'LastSyncCount':7,'MaxResults':1024"), null, null),
        Arguments.of("ListRecords", listRecords(",'LastSyncCount':1.5"), "type", "/LastSyncCount"),
        Arguments.of("ListRecords", listRecords(",'MaxResults':'ten'"), "type", "/MaxResults"),
        // map size and map values
        Arguments.of("SetCognitoEvents", poolConfig(",'Events':{}"), null, null),
        Arguments.of(
            "SetCognitoEvents",
            poolConfig(",'Events':{'SyncTrigger':'arn:aws:lambda:us-east-1:1:function:f'}"),
            null,
            null),
        Arguments.of(
            "SetCognitoEvents",
            poolConfig(",'Events':{'SyncTrigger':'a','Other':'b'}"),
            "maxProperties",
            "/Events"),
        Arguments.of(
            "SetCognitoEvents",
            poolConfig(",'Events':{'SyncTrigger':42}"),
            "type",
            "/Events/SyncTrigger"),
        // unknown members are ignored, as by the real service
        Arguments.of("UpdateRecords", updateRecords("d", ",'SomethingNew':{'a':1}"), null, null));
  }

  @ParameterizedTest(name = "[{index}] {0} {2} at {3}")
  @MethodSource("inputCases")
  void inputConstraints(String operation, String instance, String keyword, String location) {
    List<Error> errors = Validation.validateInput(operation, instance);
    if (keyword == null) {
      assertThat(errors).as(instance).isEmpty();
    } else {
      // One bad value may break two rules (an empty DatasetName fails minLength and pattern), never
      // more places.
      assertThat(errors)
          .as(instance)
          .extracting(Error::getKeyword, e -> e.getInstanceLocation().toString())
          .contains(org.assertj.core.groups.Tuple.tuple(keyword, location));
      assertThat(errors)
          .as(instance)
          .allSatisfy(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo(location));
    }
  }

  @Test
  void outputSchemasDescribeResponses() {
    assertThat(
            Validation.validateOutput(
                "ListRecords",
                """
                {'Records':[{'Key':'k','Value':'v','SyncCount':1,'LastModifiedDate':1700574873.059,
                             'LastModifiedBy':'123456789012','DeviceLastModifiedDate':1700574873}],
                 'Count':1,'DatasetSyncCount':1,'DatasetExists':true,'DatasetDeletedAfterRequestedSyncCount':false,
                 'SyncSessionToken':'t','MergedDatasetNames':[]}"""))
        .isEmpty();
    assertThat(Validation.validateOutput("ListRecords", "{'DatasetExists':'yes'}"))
        .extracting(Error::getKeyword, e -> e.getInstanceLocation().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("type", "/DatasetExists"));
    assertThat(Validation.validateOutput("SetCognitoEvents", "{}")).isEmpty();
    assertThat(Validation.validateOutput("SetCognitoEvents", "[]"))
        .extracting(Error::getKeyword)
        .containsExactly("type");
  }

  @Test
  void everyGeneratedSchemaIsValidAgainstTheDraft202012MetaSchema() {
    var meta = Validation.metaSchema();
    for (OperationModel op : ServiceModel.load().operations()) {
      for (JsonNode document :
          List.of(OperationSchemas.input(op.name()), OperationSchemas.output(op.name()))) {
        assertThat(meta.validate(document)).as(document.path("$id").asString()).isEmpty();
        // and networknt builds a validator from it without complaint
        assertThat(Validation.schema(document).validate(Validation.json("{}"))).isNotNull();
      }
    }
  }

  @Test
  void metaSchemaValidationCanFail() {
    assertThat(Validation.metaSchema().validate(Validation.json("{'type':5,'minLength':-1}")))
        .isNotEmpty();
  }

  /** Every model pattern, anchored, compiles in Java and behaves the same in networknt. */
  static Stream<Arguments> modelPatterns() {
    return Stream.of(
        Arguments.of("IdentityPoolId", POOL, "us-east-1:XYZ"),
        Arguments.of("IdentityId", IDENTITY, IDENTITY + "\n"),
        Arguments.of("DatasetName", "a_b.c:d-e", "a/b"),
        Arguments.of(
            "AssumeRoleArn", "arn:aws:iam::123456789012:role/any/path", "xarn:aws:iam::1:role/r"),
        Arguments.of(
            "ApplicationArn",
            "arn:aws:sns:eu-central-1:123456789012:app/APNS_SANDBOX/My.App-1",
            "arn:aws:sns:eu-central-1:123456789012:app/APNS/My App"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelPatterns")
  void modelPatternsWorkInJavaAndNetworknt(String shape, String matching, String notMatching) {
    String anchored =
        SchemaGenerator.anchoredPattern(
            shape, ServiceModel.load().shape(shape).path("pattern").asString());
    Pattern java = Pattern.compile(anchored);
    assertThat(java.matcher(matching).matches()).isTrue();
    assertThat(java.matcher(notMatching).matches()).isFalse();

    var schema =
        Validation.schema(
            Json.MAPPER.createObjectNode().put("type", "string").put("pattern", anchored));
    assertThat(schema.validate(Json.MAPPER.getNodeFactory().stringNode(matching))).isEmpty();
    assertThat(schema.validate(Json.MAPPER.getNodeFactory().stringNode(notMatching)))
        .extracting(Error::getKeyword)
        .containsExactly("pattern");
  }

  @Test
  void everyPatternInTheModelIsCoveredAbove() {
    ServiceModel model = ServiceModel.load();
    List<String> withPattern =
        model.shapeNames().stream().filter(name -> model.shape(name).has("pattern")).toList();
    assertThat(withPattern)
        .containsExactlyInAnyOrderElementsOf(
            modelPatterns().map(a -> (String) a.get()[0]).toList());
  }
}
