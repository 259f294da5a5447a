package dev.mark.sessions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.mark.platform.security.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Access tokens this node has verified, with their claims, so that a token presented again skips
 * the ECDSA check, which is most of the cost of a session call. Thread-safe.
 *
 * <p>What it promises:
 * <ul>
 *   <li>An entry serves only the exact token that was verified: entries are keyed by the SHA-256
 *       of the whole token, so a token that differs in any character (a tampered claim, a flipped
 *       signature character) misses and is verified in full. Hashing also keeps the tokens
 *       themselves out of the cache, and its keys small.
 *   <li>An entry is used only while its token's {@code exp} is still ahead by the injected clock,
 *       the clock full verification uses; from {@code exp} on, the token is verified in full again,
 *       which refuses it once past {@code exp}. Caffeine's own expiry, on its own ticker, only
 *       frees the memory.
 *   <li>Only tokens that passed full verification are stored: forged or garbage tokens cannot
 *       fill it or evict real entries.
 *   <li>It knows nothing of revocation: callers must still check the session on every call.
 * </ul>
 */
final class VerifiedTokens {

  /**
   * Only tokens this server signed are added, and those come from sign-ups, logins and refreshes,
   * so the bound is on live tokens, not calls: 100k is more than 100 new tokens a second for a
   * whole default token lifetime (15 minutes). An entry takes up to about 0.8 KB (claims, digest, Caffeine's node;
   * measured), so the bound also caps the heap it uses at about 80 MB. Past it, the least used
   * tokens are evicted and pay a full verification again; nothing is refused.
   */
  static final long MAX_ENTRIES = 100_000;

  /** A token's claims once its signature and claims were verified, and when it expires. */
  record Verified(SessionClaims claims, Instant expiresAt) {}

  private final Clock clock;
  private final Cache<String, Verified> entries;

  VerifiedTokens(long maxEntries, Clock clock) {
    this.clock = clock;
    this.entries = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfter(Expiry.creating((String digest, Verified verified) ->
            nonNegative(Duration.between(clock.instant(), verified.expiresAt()))))
        .build();
  }

  /**
   * The claims of {@code token}: remembered when it was verified before and has not expired,
   * else those {@code verifyInFull} answers, which are then remembered until the token expires.
   *
   * @param verifyInFull checks signature, claims and expiry; throws for a token that fails
   */
  SessionClaims claimsOf(String token, Function<String, Verified> verifyInFull) {
    String digest = Sha256.hex(token);
    Verified known = entries.getIfPresent(digest);
    if (known != null && isLive(known)) {
      return known.claims();
    }
    // not under Caffeine's compute: a verification must not hold a lock other tokens may need
    Verified verified = verifyInFull.apply(token);
    if (isLive(verified)) {
      entries.put(digest, verified);
    }
    return verified.claims();
  }

  private boolean isLive(Verified verified) {
    return verified.expiresAt().isAfter(clock.instant());
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
