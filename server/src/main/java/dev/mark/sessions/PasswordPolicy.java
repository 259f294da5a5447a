package dev.mark.sessions;

import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be beyond the contract's length (12–128): not one of the common
 * passwords that credential-stuffing lists start with, not a single repeated character, and not
 * containing the name part of the user's email.
 */
final class PasswordPolicy {

  private final Set<String> common;

  PasswordPolicy() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the classpath");
      }
      common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new IllegalStateException("common-passwords.txt cannot be read", e);
    }
  }

  /** @throws Unprocessable {@code weak_password} naming {@code /password} */
  void check(String password, String email) {
    String lower = password.toLowerCase(Locale.ROOT);
    String name = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      throw weak("is one of the most common passwords");
    }
    if (lower.chars().distinct().count() <= 2) {
      throw weak("repeats one or two characters");
    }
    if (name.length() >= 3 && lower.contains(name)) {
      throw weak("contains the name part of the email");
    }
  }

  private static Unprocessable weak(String why) {
    return new Unprocessable(ProblemCode.WEAK_PASSWORD, "The password is too easy to guess.",
        List.of(FieldIssue.body("/password", "weak_password", why)));
  }
}
