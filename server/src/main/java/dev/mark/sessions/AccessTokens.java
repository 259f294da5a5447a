package dev.mark.sessions;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies access tokens: ES256 JWTs whose header names the signing key ({@code kid}).
 * Verification takes the algorithm from the key the {@code kid} names, never from the token, so
 * {@code alg: none} and HS256 tokens "signed" with the public key are refused; so are tokens
 * with another issuer or audience, without an expiry, expired ones (no leeway) and unknown kids.
 * A token verified once is remembered until it expires ({@link VerifiedTokens}), so that its next
 * calls skip the signature check; revocation is not this class's business.
 */
final class AccessTokens {

  static final String ISSUER = "https://api.mark.dev";
  static final String AUDIENCE = "mark-api";

  private final SigningKeys keys;
  private final Duration ttl;
  private final Clock clock;
  /** Built once per signing key: a verifier is immutable and thread-safe. */
  private final Map<String, JWTVerifier> verifiers = new ConcurrentHashMap<>();
  private final VerifiedTokens verified;

  AccessTokens(SigningKeys keys, Duration ttl, Clock clock) {
    this.keys = keys;
    this.ttl = ttl;
    this.clock = clock;
    this.verified = new VerifiedTokens(VerifiedTokens.MAX_ENTRIES, clock);
  }

  /** A signed token and when it expires. */
  record Issued(String token, Instant expiresAt) {}

  Issued issue(SessionClaims claims) {
    SigningKeys.Signer signer = keys.signer();
    // JWT times are whole seconds: say the same in the API
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(ttl);
    var builder = JWT.create()
        .withKeyId(signer.kid())
        .withIssuer(ISSUER)
        .withAudience(AUDIENCE)
        .withSubject(claims.userId())
        .withIssuedAt(now)
        .withExpiresAt(expiresAt)
        .withClaim("acct", claims.accountId())
        .withClaim("plan", claims.planId())
        .withClaim("sid", claims.sessionId())
        .withClaim("ktest", claims.testKeyId())
        .withClaim("klive", claims.liveKeyId());
    claims.csrfDigest().ifPresent(digest -> builder.withClaim("csrf", digest));
    return new Issued(builder.sign(signer.algorithm()), expiresAt);
  }

  /**
   * The claims of a valid token.
   *
   * @throws Unauthorized {@code invalid_token} for anything else, saying no more than that
   */
  SessionClaims verify(String token) {
    return verified.claimsOf(token, this::verifyInFull);
  }

  private VerifiedTokens.Verified verifyInFull(String token) {
    try {
      DecodedJWT unverified = JWT.decode(token);
      String kid = unverified.getKeyId();
      Algorithm algorithm = kid == null ? null : keys.verifier(kid).orElse(null);
      if (algorithm == null) {
        throw invalid();
      }
      DecodedJWT jwt = verifiers.computeIfAbsent(kid, k -> verifierOf(algorithm)).verify(unverified);
      SessionClaims claims = new SessionClaims(jwt.getSubject(), jwt.getClaim("acct").asString(),
          jwt.getClaim("plan").asString(), jwt.getClaim("sid").asString(),
          jwt.getClaim("ktest").asString(), jwt.getClaim("klive").asString(),
          Optional.ofNullable(jwt.getClaim("csrf").asString()));
      return new VerifiedTokens.Verified(claims, jwt.getExpiresAtAsInstant());
    } catch (JWTVerificationException e) {
      // JWTDecodeException (not a JWT at all) is one of these too
      throw invalid();
    }
  }

  private JWTVerifier verifierOf(Algorithm algorithm) {
    var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
        .withIssuer(ISSUER)
        .withAudience(AUDIENCE)
        // every token this server signs expires; one that does not could be remembered forever
        .withClaimPresence("exp")
        .withClaimPresence("acct")
        .withClaimPresence("sid")
        .withClaimPresence("ktest")
        .withClaimPresence("klive")
        .acceptLeeway(0);
    return verification.build(clock);
  }

  private static Unauthorized invalid() {
    return new Unauthorized(ProblemCode.INVALID_TOKEN,
        "The access token is not valid or has expired; refresh the session or log in again.");
  }
}
