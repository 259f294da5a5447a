package dev.mark.platform.idempotency;

import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.Conflict;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes retries of a POST safe: the first request with a key runs and its response is stored;
 * a retry with the same key and body gets that response again without running; the same key
 * with another body is refused. Keys are kept for {@link #RETENTION}.
 *
 * <p>A request that fails (any error) releases its key, so that it can be retried. If the
 * process dies mid-request the key stays claimed; after {@link #ABANDONED_AFTER} a retry may
 * claim it again. That retry could repeat the work of a request that committed but crashed
 * before its response was stored: a narrow window, accepted for now.
 */
public final class Idempotency {

  public static final Duration RETENTION = Duration.ofHours(24);
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

  private final Transactions transactions;
  private final IdempotencyRepository repository = new IdempotencyRepository();
  private final Clock clock;

  public Idempotency(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Claims the key for a request, or finds the response to replay.
   *
   * @return the stored response to replay, or empty when the caller should now run the request
   *     and then {@link #complete} or {@link #release} the key
   * @throws Unprocessable when the key was used with another operation or body
   * @throws Conflict when a request with the key is still in progress
   */
  public Optional<StoredResponse> begin(IdempotencyScope scope, String operationId, byte[] body) {
    byte[] hash = sha256(operationId, body);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return transactions.inTransaction(dsl -> {
      repository.deleteIfOlder(dsl, scope, now.minus(RETENTION));
      if (repository.claim(dsl, scope, operationId, hash)) {
        return Optional.empty();
      }
      IdempotencyRepository.Entry entry = repository.find(dsl, scope).orElseThrow();
      if (!entry.operationId().equals(operationId) || !Arrays.equals(entry.requestHash(), hash)) {
        throw new Unprocessable(ProblemCode.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used with a different request; use a new key.");
      }
      if (entry.response().isPresent()) {
        return entry.response();
      }
      if (entry.createdAt().isBefore(now.minus(ABANDONED_AFTER))) {
        repository.deleteIfOlder(dsl, scope, now.minus(ABANDONED_AFTER));
        repository.claim(dsl, scope, operationId, hash);
        return Optional.empty();
      }
      throw new Conflict(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
          "A request with this Idempotency-Key is still in progress; retry later.");
    });
  }

  public void complete(IdempotencyScope scope, StoredResponse response) {
    transactions.inTransaction(dsl -> {
      repository.complete(dsl, scope, response);
      return null;
    });
  }

  /** Forgets the keys past their retention; run periodically. @return how many */
  public int purgeExpired() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(RETENTION);
    return transactions.inTransaction(dsl -> repository.deleteAllOlder(dsl, cutoff));
  }

  public void release(IdempotencyScope scope) {
    transactions.inTransaction(dsl -> {
      repository.releaseUnfinished(dsl, scope);
      return null;
    });
  }

  private static byte[] sha256(String operationId, byte[] body) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(operationId.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(body);
    return digest.digest();
  }

}
