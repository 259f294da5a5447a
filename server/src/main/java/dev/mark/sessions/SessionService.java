package dev.mark.sessions;

import dev.mark.platform.config.AuthConfig;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.Forbidden;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.ratelimit.BucketStore;
import dev.mark.platform.security.Principal;
import dev.mark.platform.security.Sha256;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Login, refresh and logout, and the start of a new user's session ({@link SignupService} makes
 * the user). A session is a family of refresh tokens: each refresh
 * token works once and is replaced by the next; presenting a used one means two parties hold
 * the session, so the whole family is revoked. Access tokens are short-lived JWTs
 * ({@link AccessTokens}); the refresh and CSRF tokens are random, and only the refresh token's
 * hash is stored.
 */
public final class SessionService {

  private static final String REFRESH_PREFIX = "mrt_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions transactions;
  private final AccessTokens accessTokens;
  private final SigningKeys signingKeys;
  private final LoginThrottle throttle;
  private final RevokedSessions revoked;
  private final Duration refreshTtl;
  private final Duration cookieReuseGrace;
  private final Clock clock;
  private final Passwords passwords = new Passwords();
  private final UserRepository users = new UserRepository();
  private final SessionRepository sessions = new SessionRepository();

  /**
   * How a refresh or logout was presented: in the body, or as a cookie. A cookie must come with
   * proof that Mark's app sent it: the session's CSRF token, or an allowed {@code Origin} (which
   * browsers set on every POST, and scripts of other sites cannot forge). The Origin alone is
   * enough here, so that a reloaded page, which has lost the CSRF token, can still refresh.
   */
  public record PresentedRefresh(String token, boolean viaCookie, Optional<String> csrfHeader,
      boolean fromAllowedOrigin) {}

  /**
   * @param loginBuckets where the login throttle counts attempts: the rate limits' store, shared
   *     by every node when it is PostgreSQL or Redis
   */
  public SessionService(Transactions transactions, BucketStore loginBuckets, AuthConfig config, Clock clock) {
    this.transactions = transactions;
    this.signingKeys = new SigningKeys(transactions, new PrivateKeyWrap(config.signingKeySecret()),
        config.signingKeyRotation(), config.accessTokenTtl(), clock);
    this.accessTokens = new AccessTokens(signingKeys, config.accessTokenTtl(), clock);
    this.throttle = new LoginThrottle(loginBuckets, config.loginAttemptsPerEmail(),
        config.loginAttemptsPerAddress(), config.loginThrottleWindow());
    this.revoked = new RevokedSessions(transactions, config.accessTokenTtl(), clock);
    this.refreshTtl = config.refreshTokenTtl();
    this.cookieReuseGrace = config.refreshReuseGrace();
    this.clock = clock;
  }

  /**
   * Counts a signup, its confirmation or a login from {@code clientAddress}.
   *
   * @throws dev.mark.platform.errors.TooManyRequests {@code login_throttled} when the address
   *     has no attempts left
   */
  void attemptFrom(String clientAddress) {
    throttle.attemptFrom(clientAddress);
  }

  /**
   * Starts a session for an email and password.
   *
   * @throws Unauthorized {@code invalid_credentials}, the same for an unknown email and a wrong
   *     password
   */
  public StartedSession login(String email, String password, boolean cookieMode, String clientAddress) {
    throttle.attemptFrom(clientAddress);
    String normalized = Emails.normalize(email);
    throttle.beforePasswordCheck(clientAddress, normalized);
    Optional<UserRepository.StoredUser> user = users.byEmail(transactions.reads(), normalized);
    boolean matches;
    if (user.isPresent()) {
      matches = passwords.matches(password, user.get().passwordHash());
    } else {
      passwords.checkNothing(password);
      matches = false;
    }
    if (!matches) {
      throttle.failed(clientAddress, normalized);
      throw new Unauthorized(ProblemCode.INVALID_CREDENTIALS, "The email or the password is wrong.");
    }
    return start(user.get(), cookieMode);
  }

  /**
   * Trades a refresh token for new tokens. A token sent as a cookie again within the reuse
   * grace of its first use is traded again (the session forks), since every tab of a browser
   * sends the same cookie and cannot coordinate its refreshes.
   *
   * @throws Unauthorized {@code invalid_refresh_token}, or {@code refresh_token_reused} after
   *     revoking the session of a token used twice
   * @throws Forbidden {@code csrf_failed} for a cookie without the session's CSRF token
   */
  public StartedSession refresh(PresentedRefresh presented) {
    byte[] hash = Sha256.of(presented.token());
    Outcome outcome = transactions.inTransaction(tx -> {
      Optional<SessionRepository.PresentedToken> found = sessions.lockToken(tx, hash);
      if (found.isEmpty()) {
        return Outcome.INVALID;
      }
      SessionRepository.PresentedToken token = found.get();
      requireCsrf(presented, token.csrfToken());
      if (token.familyRevoked() || !token.familyExpiresAt().toInstant().isAfter(clock.instant())) {
        return Outcome.INVALID;
      }
      if (token.usedAt().isPresent() && !inReuseGrace(presented, token)) {
        // the token was used before: whoever holds the newer one may be a thief, or the user
        sessions.revokeFamily(tx, token.familyId(), "refresh_token_reused");
        return Outcome.reused(token.familyId());
      }
      sessions.markUsed(tx, hash, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      UserRepository.StoredUser user = users.byId(tx, token.userId()).orElseThrow();
      return new Outcome(continueSession(tx, user, token.familyId(), token.csrfToken(),
          token.familyExpiresAt().toInstant(), presented.viaCookie()));
    });
    if (outcome.reused()) {
      revoked.ended(outcome.endedSession());
      throw new Unauthorized(ProblemCode.REFRESH_TOKEN_REUSED,
          "This refresh token was already used, so the session has been ended; log in again.");
    }
    if (outcome.session() == null) {
      throw invalidRefresh();
    }
    return outcome.session();
  }

  /**
   * Ends the session of a refresh token, and so its access tokens too; does nothing for an
   * unknown token.
   */
  public void logout(PresentedRefresh presented) {
    byte[] hash = Sha256.of(presented.token());
    Optional<String> ended = transactions.inTransaction(tx -> {
      Optional<SessionRepository.PresentedToken> token = sessions.lockToken(tx, hash);
      token.ifPresent(t -> {
        requireCsrf(presented, t.csrfToken());
        sessions.revokeFamily(tx, t.familyId(), "logout");
      });
      return token.map(SessionRepository.PresentedToken::familyId);
    });
    ended.ifPresent(revoked::ended);
  }

  /**
   * The user of a session call, and in cookie mode the session's CSRF token.
   *
   * @param sessionCookie the access token from the cookie, when the call was cookie-authenticated
   */
  public Me me(Principal caller, Optional<String> sessionCookie) {
    String userId = caller.user().orElseThrow(() -> new IllegalStateException("not a session call"));
    User user = toUser(users.byId(transactions.reads(), userId).orElseThrow(() ->
        new Unauthorized(ProblemCode.INVALID_TOKEN, "The user of this session no longer exists.")));
    Optional<String> csrf = sessionCookie
        .map(this::verify)
        .flatMap(claims -> sessions.csrfTokenOfLiveSession(transactions.reads(), claims.sessionId()));
    return new Me(user, caller.environment(), csrf);
  }

  /**
   * The claims of a valid access token (see {@link AccessTokens#verify}) whose session has not
   * ended.
   */
  SessionClaims verify(String accessToken) {
    SessionClaims claims = accessTokens.verify(accessToken);
    if (revoked.isEnded(claims.sessionId())) {
      throw new Unauthorized(ProblemCode.INVALID_TOKEN, "This session has ended; log in again.");
    }
    return claims;
  }

  /** Makes a new signing key now (operators, and tests of rotation). */
  public void rotateSigningKey() {
    signingKeys.rotateNow();
  }

  /** Starts a session of {@code user}, e.g. one just created. */
  StartedSession start(UserRepository.StoredUser user, boolean cookieMode) {
    Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(refreshTtl);
    String csrf = randomToken();
    return transactions.inTransaction(tx -> {
      String familyId = Ids.next("ses");
      sessions.insertFamily(tx, familyId, user.id(), csrf, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
          cookieMode);
      return continueSession(tx, user, familyId, csrf, expiresAt, cookieMode);
    });
  }

  private StartedSession continueSession(DSLContext tx, UserRepository.StoredUser user,
      String familyId, String csrf, Instant familyExpiresAt, boolean cookieMode) {
    String refreshToken = REFRESH_PREFIX + randomToken();
    sessions.insertToken(tx, Sha256.of(refreshToken), familyId);
    AccessTokens.Issued access = accessTokens.issue(new SessionClaims(user.id(), user.accountId(),
        user.planId(), familyId, user.testKeyId(), user.liveKeyId(),
        cookieMode ? Optional.of(Sha256.hex(csrf)) : Optional.empty()));
    return new StartedSession(toUser(user), cookieMode, access.token(), access.expiresAt(),
        refreshToken, familyExpiresAt, cookieMode ? Optional.of(csrf) : Optional.empty());
  }

  /**
   * Whether a used token may be traded again: only a cookie session's, sent as a cookie, soon
   * after its first use. A session's mode is the one it was started in, so a token of a body
   * session, replayed as a cookie by whoever holds a copy, ends the session like any reuse.
   */
  private boolean inReuseGrace(PresentedRefresh presented, SessionRepository.PresentedToken token) {
    return token.cookieMode()
        && presented.viaCookie()
        && clock.instant().isBefore(token.usedAt().orElseThrow().toInstant().plus(cookieReuseGrace));
  }

  private static void requireCsrf(PresentedRefresh presented, String expected) {
    if (!presented.viaCookie()) {
      return;
    }
    boolean matches = presented.csrfHeader()
        .map(header -> MessageDigest.isEqual(Sha256.of(header), Sha256.of(expected)))
        .orElse(presented.fromAllowedOrigin());
    if (!matches) {
      throw new Forbidden(ProblemCode.CSRF_FAILED,
          "A cookie session needs its csrf_token in the X-CSRF-Token header, or an allowed Origin.");
    }
  }

  private static Unauthorized invalidRefresh() {
    return new Unauthorized(ProblemCode.INVALID_REFRESH_TOKEN,
        "The refresh token is not valid, has expired or its session has ended; log in again.");
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static User toUser(UserRepository.StoredUser user) {
    return new User(user.id(), user.email(), user.accountId(), user.planId(), user.createdAt());
  }

  /** What a refresh transaction decided; thrown only after it commits a revocation. */
  private record Outcome(StartedSession session, String endedSession) {
    static final Outcome INVALID = new Outcome(null, null);

    Outcome(StartedSession session) {
      this(session, null);
    }

    static Outcome reused(String sessionId) {
      return new Outcome(null, sessionId);
    }

    boolean reused() {
      return endedSession != null;
    }
  }
}
