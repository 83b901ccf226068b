package dev.cognitosyncmock.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mock's OpenID tokens (H41, H42): RS512 JWTs signed with an RSA key the mock generates (or is
 * given, so that tokens stay valid across restarts), verifiable against {@link #jwks()}.
 */
public final class OpenIdTokens {
  public static final String ISSUER = "https://cognito-identity.amazonaws.com";
  public static final String POOL_ARN_CLAIM =
      "https://cognito-identity.amazonaws.com/identity-pool-arn";

  /** Null until first used when generated: an RSA key costs a fifth of a second to make. */
  private volatile RSAKey key;

  private OpenIdTokens(RSAKey key) {
    this.key = key;
  }

  /** A fresh 2048-bit key, generated when first needed. */
  public static OpenIdTokens generate() {
    return new OpenIdTokens(null);
  }

  private RSAKey key() {
    RSAKey k = key;
    if (k == null) {
      synchronized (this) {
        k = key;
        if (k == null) {
          try {
            k =
                new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS512)
                    .generate();
          } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the OpenID signing key", e);
          }
          key = k;
        }
      }
    }
    return k;
  }

  /** The key of {@link #privateJwk()}. */
  public static OpenIdTokens fromPrivateJwk(String jwk) {
    try {
      RSAKey parsed = RSAKey.parse(jwk);
      if (!parsed.isPrivate()) {
        throw new IllegalArgumentException("The OpenID signing key has no private part");
      }
      return new OpenIdTokens(parsed);
    } catch (ParseException e) {
      throw new IllegalArgumentException("Not an RSA JWK: " + e.getMessage());
    }
  }

  /** The signing key, private part included, as a JWK (for export and persistence). */
  public String privateJwk() {
    return key().toJSONString();
  }

  /** The public key set clients verify tokens with, as JSON. */
  public String jwks() {
    return new JWKSet(key().toPublicJWK()).toString(true);
  }

  String sign(
      String poolId,
      String poolArn,
      String identityId,
      List<String> amr,
      Instant issued,
      long lifetimeSeconds) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(poolId)
            .subject(identityId)
            .claim("amr", amr)
            .claim(POOL_ARN_CLAIM, poolArn)
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(issued.plusSeconds(lifetimeSeconds)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS512)
                .keyID(key().getKeyID())
                .type(new JOSEObjectType("JWS"))
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign an OpenID token", e);
    }
    return jwt.serialize();
  }

  /** The claims of a token this mock signed and that has not expired at {@code now}; else empty. */
  Optional<Claims> verify(String token, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(new RSASSAVerifier(key().toRSAPublicKey()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (exp == null || !exp.toInstant().isAfter(now) || claims.getAudience().size() != 1) {
        return Optional.empty();
      }
      return Optional.of(
          new Claims(
              claims.getAudience().get(0),
              claims.getSubject(),
              exp.toInstant(),
              claims.getStringListClaim("amr")));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What the mock reads back from its own tokens. */
  record Claims(String audience, String subject, Instant expiration, List<String> amr) {}
}
