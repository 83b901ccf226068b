package dev.cognitosyncmock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceModelTest {

  private final ServiceModel model = ServiceModel.load();

  @Test
  void vendoredModelHasAllSeventeenOperationsInModelOrder() {
    assertThat(model.apiVersion()).isEqualTo("2014-06-30");
    assertThat(model.operations())
        .extracting(OperationModel::name)
        .containsExactly(
            "BulkPublish",
            "DeleteDataset",
            "DescribeDataset",
            "DescribeIdentityPoolUsage",
            "DescribeIdentityUsage",
            "GetBulkPublishDetails",
            "GetCognitoEvents",
            "GetIdentityPoolConfiguration",
            "ListDatasets",
            "ListIdentityPoolUsage",
            "ListRecords",
            "RegisterDevice",
            "SetCognitoEvents",
            "SetIdentityPoolConfiguration",
            "SubscribeToDataset",
            "UnsubscribeFromDataset",
            "UpdateRecords");
  }

  @Test
  void loadIsCached() {
    assertThat(ServiceModel.load()).isSameAs(model);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "ListRecords,            GET,    /identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}/records",
    "UpdateRecords,          POST,   /identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}",
    "DeleteDataset,          DELETE, /identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}",
    "ListIdentityPoolUsage,  GET,    /identitypools",
    // singular "identity", unlike every other path
    "RegisterDevice,         POST,   /identitypools/{IdentityPoolId}/identity/{IdentityId}/device",
    "UnsubscribeFromDataset, DELETE, /identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}/subscriptions/{DeviceId}",
    "GetBulkPublishDetails,  POST,   /identitypools/{IdentityPoolId}/getBulkPublishDetails",
  })
  void httpBindings(String operation, String method, String uri) {
    OperationModel op = model.operation(operation);
    assertThat(op.method()).isEqualTo(method);
    assertThat(op.requestUri()).isEqualTo(uri);
    assertThat(op.responseCode()).isEqualTo(200);
    assertThat(op.inputShape()).isEqualTo(operation + "Request");
  }

  @Test
  void setCognitoEventsHasNoOutput() {
    OperationModel op = model.operation("SetCognitoEvents");
    assertThat(op.outputShape()).isNull();
    assertThat(op.outputMembers()).isEmpty();
    assertThat(model.operation("GetCognitoEvents").outputShape())
        .isEqualTo("GetCognitoEventsResponse");
  }

  @Test
  void operationErrorsInModelOrder() {
    assertThat(model.operation("ListRecords").errors())
        .containsExactly(
            "InvalidParameterException",
            "NotAuthorizedException",
            "TooManyRequestsException",
            "InternalErrorException");
    assertThat(model.operation("UpdateRecords").errors())
        .contains("ResourceConflictException", "LambdaThrottledException", "LimitExceededException")
        .hasSize(9);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ResourceConflictException, 409",
    "LambdaThrottledException, 429",
    "TooManyRequestsException, 429",
    "InternalErrorException, 500",
    "NotAuthorizedException, 403",
    "ResourceNotFoundException, 404",
    "InvalidParameterException, 400",
    "LimitExceededException, 400",
  })
  void errorStatuses(String shape, int status) {
    assertThat(model.errorStatus(shape)).isEqualTo(status);
    assertThat(model.errorStatuses()).containsEntry(shape, status);
  }

  @Test
  void errorStatusesCoverEveryExceptionShapeAndNothingElse() {
    assertThat(model.errorStatuses()).hasSize(13).doesNotContainKey("String");
    model
        .operations()
        .forEach(
            op ->
                assertThat(model.errorStatuses())
                    .as(op.name())
                    .containsKeys(op.errors().toArray(String[]::new)));
  }

  @Test
  void unknownNamesAreRejected() {
    assertThatThrownBy(() -> model.operation("PutRecord"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PutRecord");
    assertThatThrownBy(() -> model.errorStatus("Record"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Record");
    assertThatThrownBy(() -> model.shape("Nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}.{1} -> {2} {3}")
  @CsvSource({
    "ListRecords,      LastSyncCount,    QUERY,  lastSyncCount,        Long,             long,      false",
    "ListRecords,      MaxResults,       QUERY,  maxResults,           IntegerString,    integer,   false",
    "ListRecords,      SyncSessionToken, QUERY,  syncSessionToken,     SyncSessionToken, string,    false",
    "ListRecords,      IdentityPoolId,   URI,    IdentityPoolId,       IdentityPoolId,   string,    true",
    "UpdateRecords,    ClientContext,    HEADER, x-amz-Client-Context, ClientContext,    string,    false",
    "UpdateRecords,    RecordPatches,    BODY,   RecordPatches,        RecordPatchList,  list,      false",
    "UpdateRecords,    SyncSessionToken, BODY,   SyncSessionToken,     SyncSessionToken, string,    true",
    "SetCognitoEvents, Events,           BODY,   Events,               Events,           map,       true",
    "RegisterDevice,   Platform,         BODY,   Platform,             Platform,         string,    true",
    "SetIdentityPoolConfiguration, PushSync, BODY, PushSync,           PushSync,         structure, false",
    "SubscribeToDataset, DeviceId,       URI,    DeviceId,             DeviceId,         string,    true",
  })
  void inputMemberBindings(
      String operation,
      String member,
      Location location,
      String wireName,
      String shape,
      String type,
      boolean required) {
    assertThat(model.operation(operation).inputMember(member))
        .isEqualTo(new MemberBinding(member, location, wireName, shape, type, required));
  }

  @Test
  void outputMembersAreBodyMembersWithTheirTypes() {
    assertThat(model.operation("ListRecords").outputMembers())
        .allSatisfy(m -> assertThat(m.location()).isEqualTo(Location.BODY))
        .extracting(MemberBinding::member, MemberBinding::type)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple("Records", "list"),
            org.assertj.core.groups.Tuple.tuple("NextToken", "string"),
            org.assertj.core.groups.Tuple.tuple("Count", "integer"),
            org.assertj.core.groups.Tuple.tuple("DatasetSyncCount", "long"));
    assertThat(model.operation("GetBulkPublishDetails").outputMembers())
        .filteredOn(m -> m.member().equals("BulkPublishStartTime"))
        .extracting(MemberBinding::type)
        .containsExactly("timestamp");
  }

  @Test
  void inputMembersByLocation() {
    OperationModel listRecords = model.operation("ListRecords");
    assertThat(listRecords.inputMembers(Location.URI))
        .extracting(MemberBinding::member)
        .containsExactly("IdentityPoolId", "IdentityId", "DatasetName");
    assertThat(listRecords.inputMembers(Location.QUERY))
        .extracting(MemberBinding::locationName)
        .containsExactly("lastSyncCount", "nextToken", "maxResults", "syncSessionToken");
    assertThat(listRecords.inputMembers(Location.BODY)).isEmpty();
  }

  @Test
  void shapeIsADefensiveCopy() {
    var shape = (tools.jackson.databind.node.ObjectNode) model.shape("DatasetName");
    assertThat(shape.path("max").intValue()).isEqualTo(128);
    shape.put("max", 1);
    assertThat(model.shape("DatasetName").path("max").intValue()).isEqualTo(128);
  }

  @Test
  void parseReadsAMinimalModel() {
    String json =
        """
                {"metadata": {"apiVersion": "2000-01-01"},
                 "operations": {"Ping": {"name": "Ping", "http": {"method": "PUT", "requestUri": "/ping/{Id}", "responseCode": 204},
                                          "input": {"shape": "PingRequest"}, "errors": [{"shape": "Boom"}]}},
                 "shapes": {
                   "PingRequest": {"type": "structure", "required": ["Id"],
                                   "members": {"Id": {"shape": "Id", "location": "uri", "locationName": "id"},
                                               "Flag": {"shape": "Flag", "location": "header", "locationName": "x-flag"}}},
                   "Id": {"type": "string"}, "Flag": {"type": "boolean"},
                   "Boom": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": 418}}}}
                """;
    ServiceModel parsed =
        ServiceModel.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(parsed.apiVersion()).isEqualTo("2000-01-01");
    assertThat(parsed.errorStatuses()).containsExactly(java.util.Map.entry("Boom", 418));
    assertThat(parsed.operation("Ping"))
        .isEqualTo(
            new OperationModel(
                "Ping",
                "PUT",
                "/ping/{Id}",
                204,
                "PingRequest",
                null,
                java.util.List.of("Boom"),
                java.util.List.of(
                    new MemberBinding("Id", Location.URI, "id", "Id", "string", true),
                    new MemberBinding("Flag", Location.HEADER, "x-flag", "Flag", "boolean", false)),
                java.util.List.of()));
  }

  @Test
  void parseRejectsSomethingThatIsNotAModel() {
    assertThatThrownBy(
            () ->
                ServiceModel.parse(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
