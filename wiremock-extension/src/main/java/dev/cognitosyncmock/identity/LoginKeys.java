package dev.cognitosyncmock.identity;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * H23: the mock cannot verify provider tokens, so it derives a stable key for the user a token
 * names: a JWT's {@code iss|sub}, any other token by value. Signatures are never checked.
 */
final class LoginKeys {
  private LoginKeys() {
  }

  /** The claims of a token that parses as a JWT (signed or not), else empty. */
  static Optional<JWTClaimsSet> claims(String token) {
    if (token.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    try {
      JWT jwt = JWTParser.parse(token);
      return Optional.of(jwt.getJWTClaimsSet());
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
