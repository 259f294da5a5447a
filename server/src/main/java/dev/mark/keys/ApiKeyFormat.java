package dev.mark.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shape of a Mark API key: {@code mk_<environment>_<32 random base62><6 base62 checksum>},
 * e.g. {@code mk_test_…}. The checksum (CRC-32 of everything before it) lets a mistyped or
 * truncated key be refused without a database lookup, and lets secret scanners recognise a
 * leaked key with few false positives. Thread-safe.
 */
public final class ApiKeyFormat {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int RANDOM_LENGTH = 32;
  private static final int CHECKSUM_LENGTH = 6;
  private static final int PREFIX_LENGTH = "mk_test_".length();
  private static final int KEY_LENGTH = PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH;
  private static final Optional<String> TEST = Optional.of("test");
  private static final Optional<String> LIVE = Optional.of("live");

  private final SecureRandom random = new SecureRandom();

  /** A new random key for {@code environment} ({@code test} or {@code live}). */
  public String generate(String environment) {
    StringBuilder key = new StringBuilder("mk_").append(environment).append('_');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return key.append(checksum(key)).toString();
  }

  /**
   * The environment of a well-formed key with a correct checksum; empty for anything else.
   * Checked by hand rather than with a regular expression: it runs on every authenticated call.
   */
  public static Optional<String> environmentOf(String key) {
    if (key == null || key.length() != KEY_LENGTH) {
      return Optional.empty();
    }
    Optional<String> environment = key.startsWith("mk_test_") ? TEST
        : key.startsWith("mk_live_") ? LIVE
        : Optional.empty();
    if (environment.isEmpty()) {
      return environment;
    }
    for (int i = PREFIX_LENGTH; i < KEY_LENGTH; i++) {
      if (!isBase62(key.charAt(i))) {
        return Optional.empty();
      }
    }
    int checksumStart = KEY_LENGTH - CHECKSUM_LENGTH;
    return key.regionMatches(checksumStart, checksum(key.substring(0, checksumStart)), 0, CHECKSUM_LENGTH)
        ? environment
        : Optional.empty();
  }

  /** The start of a key, safe to show in lists and logs. */
  public static String hint(String key) {
    return key.substring(0, "mk_test_".length() + 4) + "…";
  }

  private static boolean isBase62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static String checksum(CharSequence body) {
    CRC32 crc = new CRC32();
    crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] digits = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
      value /= ALPHABET.length();
    }
    return new String(digits);
  }
}
