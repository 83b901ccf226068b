package dev.cognitosyncmock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The awsJson 1.1 envelope as raw HTTP sees it (IDENTITY.md H1..H5), where the SDK hides it. */
class IdentityWireTest extends IdentitySdkTestSupport {
  private final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  HttpResponse<String> post(String target, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "H1 H2: the target matches case-insensitively, Content-Type is not required; 200 with x-amz-json-1.1, a request id and compact JSON")
  void H1_H2_envelope() throws Exception {
    start();
    String pool = createPool();
    var response =
        post("awscognitoidentityservice.getid", "{\"IdentityPoolId\":\"" + pool + "\"}", Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body()).matches("\\{\"IdentityId\":\"us-east-1:[0-9a-f-]{36}\"}");
  }

  @Test
  @DisplayName("H8: CreationDate, LastModifiedDate and Expiration are epoch-second JSON numbers")
  void H8_timestamps() throws Exception {
    start();
    String pool = createPool();
    String id = identity.getId(r -> r.identityPoolId(pool)).identityId();
    // a signed operation: any SigV4 header passes while signatures are not verified
    JsonNode described =
        JSON.readTree(
            post(
                    "AWSCognitoIdentityService.DescribeIdentity",
                    "{\"IdentityId\":\"" + id + "\"}",
                    Map.of(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKIAX/20260101/"
                            + "us-east-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=00"))
                .body());
    assertThat(described.path("CreationDate").isNumber()).isTrue();
    assertThat(described.path("LastModifiedDate").isNumber()).isTrue();
    assertThat(described.path("CreationDate").asDouble())
        .isBetween(
            System.currentTimeMillis() / 1000.0 - 60, System.currentTimeMillis() / 1000.0 + 60);
    JsonNode creds =
        JSON.readTree(
            post(
                    "AWSCognitoIdentityService.GetCredentialsForIdentity",
                    "{\"IdentityId\":\"" + id + "\"}",
                    Map.of())
                .body());
    assertThat(creds.path("Credentials").path("Expiration").isNumber()).isTrue();
  }

  @Test
  @DisplayName("H2: operations without output answer {}")
  void H2_emptyOutput() throws Exception {
    start();
    String pool = createPool();
    String id =
        identity
            .getId(r -> r.identityPoolId(pool).logins(Map.of("graph.facebook.com", "t")))
            .identityId();
    var response =
        post(
            "AWSCognitoIdentityService.UnlinkIdentity",
            "{\"IdentityId\":\""
                + id
                + "\",\"Logins\":{\"graph.facebook.com\":\"t\"},\"LoginsToRemove\":[\"graph.facebook.com\"]}",
            Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
  }

  @Test
  @DisplayName(
      "H3: errors are exactly {\"__type\",\"message\"} with x-amzn-ErrorType '<Shape>:' and x-amzn-ErrorMessage, status 400")
  void H3_errorShape() throws Exception {
    start();
    String unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    var response =
        post(
            "AWSCognitoIdentityService.GetId",
            "{\"IdentityPoolId\":\"" + unknown + "\"}",
            Map.of());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"__type\":\"ResourceNotFoundException\",\"message\":\"IdentityPool '"
                + unknown
                + "' not found.\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("ResourceNotFoundException:");
    assertThat(response.headers().firstValue("x-amzn-ErrorMessage"))
        .hasValue("IdentityPool '" + unknown + "' not found.");
  }

  @Test
  @DisplayName(
      "H1: an unknown target is 400 UnknownOperationException; a body that is not JSON is 400 SerializationException")
  void H1_unknownTargetAndBadBody() throws Exception {
    start();
    var unknown = post("AWSCognitoIdentityService.FlyToTheMoon", "{}", Map.of());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).path("__type").asString())
        .isEqualTo("UnknownOperationException");
    var bad = post("AWSCognitoIdentityService.GetId", "not json", Map.of());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("__type").asString())
        .isEqualTo("SerializationException");
  }

  @Test
  @DisplayName("H6: validation errors name the member in camelCase with the model's pattern")
  void H6_validationMessage() throws Exception {
    start();
    var response =
        post("AWSCognitoIdentityService.GetId", "{\"IdentityPoolId\":\"no colon\"}", Map.of());
    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.path("__type").asString()).isEqualTo("ValidationException");
    assertThat(body.path("message").asString())
        .isEqualTo(
            "1 validation error detected: Value 'no colon' at"
                + " 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+");
  }

  @Test
  @DisplayName(
      "H4 H5: GetId needs no signature even with verification on; a signed operation without one is MissingAuthenticationTokenException")
  void H4_H5_signing() throws Exception {
    start(b -> b.verifySignatures(true));
    String pool = createPool(); // the SDK signs with the developer key: verified
    var unsigned =
        post("AWSCognitoIdentityService.GetId", "{\"IdentityPoolId\":\"" + pool + "\"}", Map.of());
    assertThat(unsigned.statusCode()).isEqualTo(200);
    var adminUnsigned =
        post(
            "AWSCognitoIdentityService.DescribeIdentityPool",
            "{\"IdentityPoolId\":\"" + pool + "\"}",
            Map.of());
    assertThat(adminUnsigned.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(adminUnsigned.body()).path("__type").asString())
        .isEqualTo("MissingAuthenticationTokenException");
    var forged =
        post(
            "AWSCognitoIdentityService.DescribeIdentityPool",
            "{\"IdentityPoolId\":\"" + pool + "\"}",
            Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + DEVELOPER.accessKeyId()
                    + "/20260101/us-east-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=00",
                "X-Amz-Date",
                "20260101T000000Z"));
    assertThat(forged.statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "H5: identity credentials may not call a developer operation: 400 NotAuthorizedException")
  void H5_identityCredentialsRefused() {
    start(b -> b.verifySignatures(true));
    String pool = createPool();
    String id = identity.getId(r -> r.identityPoolId(pool)).identityId();
    var c = identity.getCredentialsForIdentity(r -> r.identityId(id)).credentials();
    var withIdentityKeys =
        identityClient(
            AwsSessionCredentials.create(c.accessKeyId(), c.secretKey(), c.sessionToken()));
    assertError(
        () -> withIdentityKeys.describeIdentityPool(r -> r.identityPoolId(pool)),
        NotAuthorizedException.class,
        "developer credentials");
  }

  @Test
  @DisplayName("H41: the JWKS is served at /.well-known/jwks_uri")
  void H41_jwks() throws Exception {
    start();
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/.well-known/jwks_uri")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode key = JSON.readTree(response.body()).path("keys").get(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("alg").asString()).isEqualTo("RS512");
    assertThat(key.has("d")).as("no private part").isFalse();
  }
}
