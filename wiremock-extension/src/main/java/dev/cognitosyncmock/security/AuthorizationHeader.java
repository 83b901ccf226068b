package dev.cognitosyncmock.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a SigV4 Authorization header. Kept apart from {@link SigV4Verifier} so that reading
 * it never loads the AWS SDK, which is needed only when signatures are verified.
 */
public record AuthorizationHeader(
    String accessKeyId,
    String date,
    String region,
    String service,
    String signedHeaders,
    String signature) {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** Reads the header, or throws IncompleteSignature naming what is wrong. */
  static AuthorizationHeader parse(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equals(ALGORITHM)) {
      throw AuthErrors.incompleteSignature(
          "Unsupported Authorization scheme '"
              + clip(scheme)
              + "': only "
              + ALGORITHM
              + " (Signature Version 4) is accepted");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : value.substring(space + 1).split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.putIfAbsent(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
      }
    }
    StringBuilder missing = new StringBuilder();
    for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
      if (parts.get(name) == null || parts.get(name).isEmpty()) {
        missing.append("Authorization header requires '").append(name).append("' parameter. ");
      }
    }
    if (missing.length() > 0) {
      throw AuthErrors.incompleteSignature(missing.toString().strip());
    }
    String[] scope = parts.get("Credential").split("/", -1);
    if (scope.length != 5
        || !scope[4].equals("aws4_request")
        || Arrays.stream(scope).anyMatch(String::isEmpty)) {
      throw AuthErrors.incompleteSignature(
          "Credential must have the form"
              + " <AccessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request, got '"
              + clip(parts.get("Credential"))
              + "'");
    }
    return new AuthorizationHeader(
        scope[0], scope[1], scope[2], scope[3], parts.get("SignedHeaders"), parts.get("Signature"));
  }

  List<String> signedHeaderList() {
    return List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";", -1));
  }

  /** Echoes of client input are kept short. */
  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
