package dev.mark.keys;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.security.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Issues API keys and resolves a presented key to its account. Only the SHA-256 of a key is
 * stored: keys carry 190 random bits, so a slow password hash would add cost and no safety.
 */
public final class ApiKeyService {

  private final Transactions transactions;
  private final ApiKeyRepository repository = new ApiKeyRepository();
  private final ApiKeyFormat format = new ApiKeyFormat();

  public ApiKeyService(Transactions transactions) {
    this.transactions = transactions;
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
    return repository.findActive(transactions.reads(), sha256(presented));
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
