package dev.cognitosyncmock.protocol.query;

import dev.cognitosyncmock.engine.ErrorShape;
import dev.cognitosyncmock.engine.ServiceException;
import dev.cognitosyncmock.identity.IdentityEngine;
import dev.cognitosyncmock.identity.IssuedCredentials;
import dev.cognitosyncmock.identity.OpenIdTokens;
import dev.cognitosyncmock.json.Json;
import dev.cognitosyncmock.protocol.OperationHandler;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * STS, only AssumeRoleWithWebIdentity, only for OpenID tokens this mock issued: the basic (classic)
 * flow of {@code AWS.CognitoIdentityCredentials} with a RoleArn.
 */
public final class StsOperations {
  private StsOperations() {}

  public static Map<String, OperationHandler> table(IdentityEngine engine) {
    return Map.of(
        "AssumeRoleWithWebIdentity",
        call -> {
          String token = call.string("WebIdentityToken");
          String roleArn = call.string("RoleArn");
          String session = call.string("RoleSessionName");
          Long duration = call.longValue("DurationSeconds");
          IssuedCredentials issued =
              engine
                  .assumeRoleWithWebIdentity(token, roleArn, duration == null ? 3600 : duration)
                  .orElseThrow(
                      () ->
                          engine.expiredOwnToken(token)
                              ? ServiceException.unmodeled(
                                  "ExpiredTokenException",
                                  ErrorShape.InvalidParameterException,
                                  "Token expired: current date/time is later than the token's expiration time")
                              : ServiceException.unmodeled(
                                  "InvalidIdentityTokenException",
                                  ErrorShape.InvalidParameterException,
                                  "The ID Token provided is not a valid Cognito Identity token issued by this mock"));
          String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
          String account =
              roleArn.split(":").length > 4 ? roleArn.split(":")[4] : engine.settings().accountId();
          ObjectNode out = Json.MAPPER.createObjectNode();
          ObjectNode creds = out.putObject("Credentials");
          creds.put("AccessKeyId", issued.accessKeyId());
          creds.put("SecretAccessKey", issued.secretKey());
          creds.put("SessionToken", issued.sessionToken());
          creds.put(
              "Expiration",
              DateTimeFormatter.ISO_INSTANT.format(
                  issued.expiration().truncatedTo(ChronoUnit.SECONDS)));
          out.put("SubjectFromWebIdentityToken", issued.identityId());
          ObjectNode user = out.putObject("AssumedRoleUser");
          user.put(
              "AssumedRoleId",
              "AROA" + Integer.toHexString(roleArn.hashCode()).toUpperCase() + ":" + session);
          user.put("Arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session);
          out.put("Provider", OpenIdTokens.ISSUER.substring("https://".length()));
          out.put("Audience", issued.identityPoolId());
          return out;
        });
  }
}
