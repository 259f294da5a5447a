package dev.mark.sessions;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Emails as users are kept by: trimmed and in lower case, so that uniqueness ignores case. */
final class Emails {

  // no white space anywhere: an email also becomes a mail header, which a line break would end
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private Emails() {}

  static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The normalized email of a new user.
   *
   * @throws BadRequest naming {@code /email} when it is not an email address
   */
  static String forNewUser(String email) {
    String normalized = normalize(email);
    if (!EMAIL.matcher(normalized).matches()) {
      throw BadRequest.validation(List.of(FieldIssue.body("/email", "format", "must be an email address")));
    }
    return normalized;
  }
}
