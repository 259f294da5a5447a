package dev.mark.sdk.core;

import dev.mark.sdk.model.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The user's session as a client holds it: the access token it sends, and the refresh token that
 * renews it. An API key's client holds an empty one, which never renews. Thread-safe.
 *
 * <p>A client and the clients {@link MarkClient#newBuilder()} derives from it share one, and
 * with it the renewal under way: a refresh token works once, so a second refresh with the same
 * one would end the whole session ({@code 401 refresh_token_reused}).
 */
final class SessionTokens {
  private final Object lock = new Object();
  private volatile Tokens current;
  /** The renewal under way, shared by every call that waits for it; guarded by {@link #lock}. */
  private CompletableFuture<Renewal> renewal;

  SessionTokens(String accessToken, String refreshToken) {
    this.current = new Tokens(accessToken, refreshToken, 0);
  }

  Tokens current() {
    return current;
  }

  /** Whether a refresh could renew this session. */
  boolean renewable() {
    return current.refreshToken != null;
  }

  /** Takes the tokens of the session that renewed this one. */
  void adopt(Session session) {
    synchronized (lock) {
      current = new Tokens(session.getAccessToken(), session.getRefreshToken(), current.generation + 1);
    }
  }

  /** Forgets the refresh token {@code refreshToken}, logged out or refused: no more renewals. */
  void end(String refreshToken) {
    synchronized (lock) {
      if (refreshToken != null && refreshToken.equals(current.refreshToken)) {
        current = new Tokens(current.accessToken, null, current.generation);
      }
    }
  }

  /**
   * Whether the session holds new tokens for a call sent with {@code seen}: at once if it was
   * renewed since (by a call that failed first), else after the one renewal all such calls share.
   */
  boolean renewedSince(Tokens seen, Supplier<Renewal> refresh) {
    Renewal outcome = renew(seen, refresh);
    return outcome == null || outcome.session != null;
  }

  /** The renewal under way, or else a new one that {@code refresh} makes on this thread. */
  Renewal renew(Supplier<Renewal> refresh) {
    return renew(null, refresh);
  }

  /** Null if the session was renewed since {@code seen}; any generation will do for null. */
  private Renewal renew(Tokens seen, Supplier<Renewal> refresh) {
    CompletableFuture<Renewal> shared;
    boolean mine;
    synchronized (lock) {
      if (seen != null && seen.generation != current.generation) {
        return null;
      }
      mine = renewal == null;
      if (mine) {
        renewal = new CompletableFuture<>();
      }
      shared = renewal;
    }
    if (mine) {
      try {
        shared.complete(refresh.get());
      } catch (RuntimeException | Error e) {
        shared.completeExceptionally(e);
      } finally {
        synchronized (lock) {
          renewal = null;
        }
      }
    }
    try {
      return shared.join();
    } catch (CompletionException e) {
      // an exception of onSession, thrown to every call that waited for it
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** One state of the session: what to send, what renews it, and how many renewals came before. */
  static final class Tokens {
    final String accessToken;
    final String refreshToken;
    final int generation;

    private Tokens(String accessToken, String refreshToken, int generation) {
      this.accessToken = accessToken;
      this.refreshToken = refreshToken;
      this.generation = generation;
    }
  }

  /** What one refresh came to: the new session, or the error it failed with. */
  static final class Renewal {
    final MarkResponse<Session> session;
    final MarkException failure;

    private Renewal(MarkResponse<Session> session, MarkException failure) {
      this.session = session;
      this.failure = failure;
    }

    static Renewal renewed(MarkResponse<Session> session) {
      return new Renewal(session, null);
    }

    static Renewal failed(MarkException failure) {
      return new Renewal(null, failure);
    }
  }
}
