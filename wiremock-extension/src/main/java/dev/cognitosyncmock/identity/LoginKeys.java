package dev.cognitosyncmock.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * H23: the mock cannot verify provider tokens, so it derives a stable key for the user a token
 * names: a JWT's {@code iss|sub}, any other token by value. Signatures are never checked.
 */
final class LoginKeys {
  private LoginKeys() {}

  /**
   * The claims of a token shaped as a JWT (three base64url parts, a JSON payload), else empty. Only
   * the payload is read: whatever the header or signature say, the claims name the user.
   */
  static Optional<JWTClaimsSet> claims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String payload =
          new String(
              java.util.Base64.getUrlDecoder().decode(parts[1]),
              java.nio.charset.StandardCharsets.UTF_8);
      return Optional.of(JWTClaimsSet.parse(payload));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The user key of a public-provider token (H23). */
  static String userKey(String provider, String token) {
    Optional<JWTClaimsSet> claims = claims(token);
    if (claims.isPresent() && claims.get().getSubject() != null) {
      String iss = claims.get().getIssuer();
      return (iss == null ? provider : iss) + "|" + claims.get().getSubject();
    }
    return token;
  }

  /** The claims H46's Rules mappings match on: the JWT's, as strings; empty for other tokens. */
  static Map<String, Object> claimMap(String token) {
    return claims(token).map(JWTClaimsSet::getClaims).orElse(Map.of());
  }
}
