package dev.mark.keys;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Issues API keys and resolves a presented key to its account. Only the SHA-256 of a key is
 * stored: keys carry 190 random bits, so a slow password hash would add cost and no safety.
 * A verified key is cached for {@code keyCacheTtl}, so the hot path does not query the database;
 * a key revoked elsewhere stops working here within that time. Each use is noted in memory and
 * written as {@code last_used_at} by {@link #flushLastUsed()}, never by the call itself.
 */
public final class ApiKeyService {

  /** The scopes of an account's first key, and of keys created without a choice. */
  public static final List<String> ALL_SCOPES = List.of("read", "write", "manage");

  private final Transactions transactions;
  private final ApiKeyRepository repository = new ApiKeyRepository();
  private final ApiKeyFormat format = new ApiKeyFormat();
  private final VerifiedKeyCache verified;
  private final KeyUsageTracker usage = new KeyUsageTracker();
  private final UnknownKeyCache unknown;
  private final Clock clock;

  public ApiKeyService(Transactions transactions, Duration keyCacheTtl, Clock clock) {
    this.transactions = transactions;
    this.verified = new VerifiedKeyCache(keyCacheTtl, clock);
    this.unknown = new UnknownKeyCache(clock);
    this.clock = clock;
  }

  /**
   * Issues a key with every scope and no expiry inside the caller's transaction.
   *
   * @return the secret key, which is not stored and cannot be shown again
   */
  public String issue(DSLContext tx, String accountId, String environment, String name) {
    return issue(tx, accountId, environment, name, ALL_SCOPES, Optional.empty()).secret();
  }

  /** Issues a key inside the caller's transaction; the secret is in the answer only. */
  public IssuedKey issue(DSLContext tx, String accountId, String environment, String name,
      List<String> scopes, Optional<OffsetDateTime> expiresAt) {
    String id = Ids.next("key");
    String secret = newSecret(environment);
    repository.insert(tx, new ApiKeyRepository.NewKey(id, accountId, environment, name, scopes,
        sha256(secret), ApiKeyFormat.hint(secret), expiresAt));
    return new IssuedKey(repository.find(tx, accountId, environment, id).orElseThrow(), secret);
  }

  /**
   * Adds the key row that counts a session's calls in {@code environment}: it has every scope,
   * no secret opens it, and key lists do not show it.
   *
   * @return its ID
   */
  public String issueSessionKey(DSLContext tx, String accountId, String environment) {
    String id = Ids.next("key");
    byte[] unopenable = sha256(format.generate(environment));
    repository.insertSessionKey(tx, new ApiKeyRepository.NewKey(id, accountId, environment,
        "Web app sessions (" + environment + ")", ALL_SCOPES, unopenable, "session", Optional.empty()));
    return id;
  }

  /** A new secret for a key, as {@link ApiKeyRepository#roll} stores it. */
  String newSecret(String environment) {
    String secret = format.generate(environment);
    // never cached as unknown (190 fresh random bits), but a node must not doubt its own issue
    unknown.forget(HexFormat.of().formatHex(sha256(secret)));
    return secret;
  }

  /**
   * The principal of a presented key; empty when it is malformed, unknown, revoked, expired or
   * a rolled-over secret past its grace period. A malformed key (wrong shape or checksum) is
   * refused without a database lookup.
   */
  public Optional<Principal> authenticate(String presented) {
    return authenticate(presented, () -> {});
  }

  /**
   * As {@link #authenticate(String)}; a well-formed key that neither cache knows runs
   * {@code beforeLookup} first, which may throw to refuse the call without asking the database.
   * A secret the database did not know is remembered as unknown for a few seconds
   * ({@link UnknownKeyCache}), so the same made-up key does not cost a lookup each time.
   */
  public Optional<Principal> authenticate(String presented, Runnable beforeLookup) {
    if (ApiKeyFormat.environmentOf(presented).isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented);
    String cacheKey = HexFormat.of().formatHex(hash);
    Optional<Principal> principal = verified.get(cacheKey);
    if (principal.isEmpty()) {
      if (unknown.isUnknown(cacheKey)) {
        return Optional.empty();
      }
      beforeLookup.run();
      Optional<VerifiedKey> found = repository.findActive(transactions.reads(), hash);
      found.ifPresentOrElse(key -> verified.put(cacheKey, key), () -> unknown.unknown(cacheKey));
      principal = found.map(VerifiedKey::principal);
    }
    principal.ifPresent(p -> usage.used(p.keyId(), clock.instant()));
    return principal;
  }

  /** Makes this node forget what it cached about a key, e.g. once it is revoked or rolled. */
  void forget(String keyId) {
    // and again once a transaction this one joined (an idempotent request's) has ended
    verified.forgetKey(keyId);
    transactions.afterTransaction(() -> verified.forgetKey(keyId));
  }

  /** Writes the {@code last_used_at} of the keys used since the last flush, in one batch. */
  public void flushLastUsed() {
    Map<String, Instant> used = usage.drain();
    if (!used.isEmpty()) {
      transactions.inTransaction(tx -> {
        repository.recordLastUsed(tx, used);
        return null;
      });
    }
  }

  static byte[] sha256(String key) {
    return Sha256.of(key);
  }
}
