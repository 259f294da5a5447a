package dev.mark.sessions;

import dev.mark.platform.db.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sessions ended (logout, reuse of a refresh token) while access tokens they issued may still
 * be alive, so that those tokens stop working too: at once on the node that ended the session,
 * and within {@link #REFRESH_EVERY} on every other node, which re-reads the short list of
 * sessions ended in the last access-token lifetime. Between reads, verifying a token costs no
 * database query.
 */
final class RevokedSessions {

  static final Duration REFRESH_EVERY = Duration.ofSeconds(5);

  private final Transactions transactions;
  private final Duration accessTokenTtl;
  private final Clock clock;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Set<String> revoked = Set.of();
  private final SessionRepository repository = new SessionRepository();
  /** Sessions ended on this node, and when: kept one token lifetime, as the database may lag. */
  private final Map<String, Instant> endedHere = new ConcurrentHashMap<>();
  private volatile Instant readAt = Instant.EPOCH;

  RevokedSessions(Transactions transactions, Duration accessTokenTtl, Clock clock) {
    this.transactions = transactions;
    this.accessTokenTtl = accessTokenTtl;
    this.clock = clock;
  }

  /** Notes a session this node has just ended. */
  void ended(String sessionId) {
    endedHere.put(sessionId, clock.instant());
  }

  boolean isEnded(String sessionId) {
    if (clock.instant().isAfter(readAt.plus(REFRESH_EVERY)) && refreshing.tryLock()) {
      try {
        read();
      } finally {
        refreshing.unlock();
      }
    }
    return revoked.contains(sessionId) || endedHere.containsKey(sessionId);
  }

  private void read() {
    Instant now = clock.instant();
    OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(accessTokenTtl).minus(REFRESH_EVERY), ZoneOffset.UTC);
    revoked = Set.copyOf(repository.revokedSince(transactions.reads(), since));
    Instant expired = now.minus(accessTokenTtl);
    endedHere.values().removeIf(endedAt -> endedAt.isBefore(expired));
    readAt = now;
  }
}
