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
 * Makes retries of a POST safe, exactly once even across crashes: the first request with a key
 * runs, and its response is stored in the same transaction as its work, so the work and the
 * record commit together or not at all. A retry with the same key and body gets that response
 * again without running; the same key with another body is refused. Keys are kept for
 * {@link #RETENTION}.
 *
 * <p>A request in flight holds its key with a lock of its own transaction (a PostgreSQL
 * transaction-level advisory lock): a duplicate sent meanwhile waits at most a second, then is
 * refused with {@code idempotency_key_in_use} (a longer wait would hold a connection for as long
 * as the first runs). Whatever ends the first request ends its lock: an answer, an error (which
 * stores nothing, so the key may be retried) or the death of its process, whose connection
 * PostgreSQL then closes. There is no claim to expire.
 *
 * <p>A response that shows a secret (an API key's) is never stored: its retry is refused with
 * {@code secret_not_replayed}, naming what the first request made.
 */
public final class Idempotency {

  public static final Duration RETENTION = Duration.ofHours(24);

  /** The work of a first request: runs inside the transaction that then records its answer. */
  @FunctionalInterface
  public interface Work {
    FirstAnswer run() throws Exception;
  }

  /**
   * What a first request answered.
   *
   * @param showsSecret whether the body holds a secret, which is then never stored
   */
  public record FirstAnswer(StoredResponse response, boolean showsSecret) {}

  /** The answer to send: the first request's own, or the stored one replayed. */
  public record Outcome(StoredResponse response, boolean replayed) {}

  private final Transactions transactions;
  private final IdempotencyRepository repository = new IdempotencyRepository();
  private final Clock clock;

  public Idempotency(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Replays the response stored under the key, or runs {@code work} and stores its response in
   * the transaction that every {@link Transactions#inTransaction} of the work joins.
   *
   * @throws Unprocessable when the key was used with another operation or body
   * @throws Conflict {@code idempotency_key_in_use} when a request with the key is in flight;
   *     {@code secret_not_replayed} when the first response showed a secret
   * @throws Exception whatever {@code work} throws; nothing is then stored
   */
  public Outcome run(IdempotencyScope scope, String operationId, byte[] body, Work work)
      throws Exception {
    byte[] hash = sha256(operationId, body);
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    try {
      return transactions.inOneTransaction(tx -> {
        if (!repository.tryLock(tx, scope)) {
          throw new Conflict(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
              "A request with this Idempotency-Key is still in progress; retry later.");
        }
        Optional<IdempotencyRepository.Entry> stored = repository.find(tx, scope, now.minus(RETENTION));
        if (stored.isPresent()) {
          return new Outcome(replay(stored.get(), operationId, hash), true);
        }
        FirstAnswer answer = runUnchecked(work);
        repository.record(tx, scope, operationId, hash, answer.response(), answer.showsSecret(), now);
        return new Outcome(answer.response(), false);
      });
    } catch (WorkFailed e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Forgets the keys past their retention; run periodically. @return how many */
  public int purgeExpired() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(RETENTION);
    return transactions.inTransaction(dsl -> repository.deleteAllOlder(dsl, cutoff));
  }

  private static StoredResponse replay(IdempotencyRepository.Entry entry, String operationId,
      byte[] hash) {
    if (!entry.operationId().equals(operationId) || !Arrays.equals(entry.requestHash(), hash)) {
      throw new Unprocessable(ProblemCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used with a different request; use a new key.");
    }
    if (entry.secretWithheld()) {
      throw new Conflict(ProblemCode.SECRET_NOT_REPLAYED,
          "The request with this Idempotency-Key was carried out once"
              + entry.response().location().map(at -> " (it made " + at + ")").orElse("")
              + ", but the secret it showed is never stored, so it cannot be shown again;"
              + " if it was lost, roll or revoke that key.");
    }
    return entry.response();
  }

  private static FirstAnswer runUnchecked(Work work) {
    try {
      return work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new WorkFailed(e);
    }
  }

  /** Carries a checked exception of the work out of the transaction's lambda. */
  private static final class WorkFailed extends RuntimeException {
    WorkFailed(Exception cause) {
      super(cause);
    }
  }

  private static byte[] sha256(String operationId, byte[] body) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(operationId.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(body);
    return digest.digest();
  }
}
