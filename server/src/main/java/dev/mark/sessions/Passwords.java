package dev.mark.sessions;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes passwords with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) and checks them.
 * Checking against an unknown user still costs one hash ({@link #checkNothing}), so the time a
 * login takes does not tell whether the email has a user.
 */
final class Passwords {

  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  private final String decoy = hash("a password that no user has, hashed once at startup");

  /** The PHC string of a new salted hash. */
  String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  boolean matches(String password, String storedHash) {
    return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
  }

  /** Spends the time of a check, for a login whose email has no user. */
  void checkNothing(String password) {
    matches(password, decoy);
  }
}
