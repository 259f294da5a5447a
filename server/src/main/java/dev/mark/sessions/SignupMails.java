package dev.mark.sessions;

import dev.mark.platform.mail.MailMessage;
import java.time.Instant;

/**
 * The words of the two messages a signup sends. Neither ever holds the password; only the
 * confirmation carries a token, and only to a mailbox that has no user yet.
 */
final class SignupMails {

  private SignupMails() {}

  /** To an email with no user: the token that creates it. */
  static MailMessage confirmation(String email, String token, Instant expiresAt) {
    return new MailMessage(email, "Confirm your Mark signup", """
        Hello,

        Someone, hopefully you, asked to sign up to Mark with this address. To create the \
        account, send this token to Mark before %s (it works once):

            %s

        With the API: POST /v1/auth/signup/confirm {"token": "%s"}
        With the SDKs: confirmSignup({token}).

        If you did not ask to sign up, ignore this message: without the token, no account is \
        created.
        """.formatted(expiresAt, token, token));
  }

  /** To an email that already has a user: no token, only what to do. */
  static MailMessage alreadyRegistered(String email) {
    return new MailMessage(email, "Someone tried to sign up to Mark with your address", """
        Hello,

        Someone, perhaps you, tried to sign up to Mark with this address, which already has an \
        account. No new account was created, and yours is unchanged.

        If it was you, log in with your password instead. If you have forgotten it, reset it \
        (until Mark can reset passwords by itself, ask support, quoting this address).

        If it was not you, you need not do anything.
        """);
  }
}
