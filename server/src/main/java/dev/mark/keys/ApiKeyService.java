package dev.mark.keys;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.security.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Issues API keys and resolves a presented key to its account. Only the SHA-256 of a key is
 * stored: keys carry 190 random bits, so a slow password hash would add cost and no safety.
 * A verified key is cached for {@code keyCacheTtl}, so the hot path does not query the database;
 * a key revoked elsewhere stops working here within that time.
 */
public final class ApiKeyService {

  private final Transactions transactions;
  private final ApiKeyRepository repository = new ApiKeyRepository();
  private final ApiKeyFormat format = new ApiKeyFormat();
  private final VerifiedKeyCache verified;

  public ApiKeyService(Transactions transactions, Duration keyCacheTtl) {
    this.transactions = transactions;
    this.verified = new VerifiedKeyCache(keyCacheTtl);
  }

  /**
   * Issues a key inside the caller's transaction.
   *
   * @return the secret key, which is not stored and cannot be shown again
   */
  public String issue(DSLContext tx, String accountId, String environment, String name) {
    String secret = format.generate(environment);
    repository.insert(tx, Ids.next("key"), accountId, environment, name, sha256(secret),
        ApiKeyFormat.hint(secret));
    return secret;
  }

  /**
   * The principal of a presented key; empty when it is malformed, unknown or revoked.
   * A malformed key (wrong shape or checksum) is refused without a database lookup.
   */
  public Optional<Principal> authenticate(String presented) {
    if (ApiKeyFormat.environmentOf(presented).isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented);
    String cacheKey = HexFormat.of().formatHex(hash);
    Optional<Principal> cached = verified.get(cacheKey);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<Principal> found = repository.findActive(transactions.reads(), hash);
    found.ifPresent(principal -> verified.put(cacheKey, principal));
    return found;
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
