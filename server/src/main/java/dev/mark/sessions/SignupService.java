package dev.mark.sessions;

import dev.mark.accounts.AccountService;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.ids.Ids;
import dev.mark.platform.mail.Mailer;
import dev.mark.platform.security.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signup in two steps, so that it never tells who is registered (issue 11, finding 7). A signup
 * answers the same, in about the same time, whether or not its email has a user: the difference
 * goes to the mailbox only. An email with no user gets a one-time token, and the user is created
 * when the token comes back ({@link #confirm}); an email with a user is told that someone tried.
 * Only the token's hash and the password's hash are stored; both branches do the same work
 * (hash, insert, commit, one message), only the message differs.
 */
public final class SignupService {

  /** How long a signup's token works. */
  static final Duration TOKEN_TTL = Duration.ofHours(24);
  private static final String TOKEN_PREFIX = "mst_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions transactions;
  private final AccountService accounts;
  private final SessionService sessions;
  private final Mailer mailer;
  private final Clock clock;
  private final Passwords passwords = new Passwords();
  private final PasswordPolicy policy = new PasswordPolicy();
  private final UserRepository users = new UserRepository();
  private final PendingSignupRepository pending = new PendingSignupRepository();

  /** What a signup answers, the same whether or not its email has a user. */
  public record Requested(String email, Instant expiresAt) {}

  public SignupService(Transactions transactions, AccountService accounts, SessionService sessions,
      Mailer mailer, Clock clock) {
    this.transactions = transactions;
    this.accounts = accounts;
    this.sessions = sessions;
    this.mailer = mailer;
    this.clock = clock;
  }

  /**
   * Records a signup and sends its email the token that confirms it, or, when the email already
   * has a user, tells that mailbox someone tried.
   *
   * @throws dev.mark.platform.errors.BadRequest naming {@code /email} when it is no email address
   * @throws Unprocessable {@code weak_password} naming {@code /password}
   * @throws dev.mark.platform.errors.TooManyRequests {@code login_throttled}
   */
  public Requested signup(String email, String password, Optional<String> accountName,
      String clientAddress) {
    sessions.attemptFrom(clientAddress);
    String normalized = Emails.forNewUser(email);
    policy.check(password, normalized);
    // hashed in both branches: Argon2id is nearly all of a signup's time, so a registered email
    // that skipped it would answer measurably sooner
    String passwordHash = passwords.hash(password);
    Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(TOKEN_TTL);
    String token = TOKEN_PREFIX + randomToken();
    // stored in both branches too: a commit is the next largest cost. A registered email's token
    // is never sent, so its row can only expire (its confirmation would fail on the user anyway)
    boolean registered = transactions.inTransaction(tx -> {
      pending.insert(tx, Sha256.of(token), normalized, passwordHash,
          accountName.orElse(normalized), utc(expiresAt));
      return users.byEmail(tx, normalized).isPresent();
    });
    mailer.send(registered
        ? SignupMails.alreadyRegistered(normalized)
        : SignupMails.confirmation(normalized, token, expiresAt));
    return new Requested(normalized, expiresAt);
  }

  /**
   * Creates the user of a signup's token, with an account of its own, and starts its session.
   * The token is spent even when its email got a user in the meantime.
   *
   * @throws Unprocessable {@code invalid_signup_token} naming {@code /token}, the same for a
   *     token that is unknown, used, expired or whose email has a user
   * @throws dev.mark.platform.errors.TooManyRequests {@code login_throttled}
   */
  public StartedSession confirm(String token, boolean cookieMode, String clientAddress) {
    sessions.attemptFrom(clientAddress);
    byte[] hash = Sha256.of(token);
    Optional<UserRepository.StoredUser> created;
    try {
      created = transactions.inTransaction(tx -> {
        Optional<PendingSignupRepository.PendingSignup> found = pending.lock(tx, hash);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().usedAt().isPresent()
            || !found.get().expiresAt().toInstant().isAfter(now)) {
          return Optional.empty();
        }
        PendingSignupRepository.PendingSignup signup = found.get();
        pending.markUsed(tx, hash, utc(now));
        if (users.byEmail(tx, signup.email()).isPresent()) {
          return Optional.empty(); // commits the token as used
        }
        String accountId = accounts.createForUser(tx, signup.accountName());
        var user = new UserRepository.StoredUser(Ids.next("usr"), accountId, signup.email(),
            signup.passwordHash(), null, accounts.sessionKey(tx, accountId, "test"),
            accounts.sessionKey(tx, accountId, "live"), null);
        if (!users.insert(tx, user)) {
          // another signup of this email was confirmed since the check: undo the account made
          throw new EmailTakenMeanwhile();
        }
        return users.byId(tx, user.id());
      });
    } catch (EmailTakenMeanwhile e) {
      // rolled back, token included: sent again, it meets the user above and is spent
      created = Optional.empty();
    }
    return sessions.start(created.orElseThrow(SignupService::invalidToken), cookieMode);
  }

  /** Forgets signups whose token expired a day ago or more (run periodically). */
  public void purgeExpired() {
    Instant before = clock.instant().minus(Duration.ofDays(1));
    transactions.inTransaction(tx -> pending.deleteExpired(tx, utc(before)));
  }

  private static Unprocessable invalidToken() {
    return new Unprocessable(ProblemCode.INVALID_SIGNUP_TOKEN,
        "This signup token is not valid: it is unknown, used or expired. Sign up again.",
        List.of(FieldIssue.body("/token", "invalid_signup_token", "is not a valid signup token")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Rolls back a confirmation whose email got a user between the check and the insert. */
  private static final class EmailTakenMeanwhile extends RuntimeException {
    EmailTakenMeanwhile() {
      super(null, null, false, false);
    }
  }
}
