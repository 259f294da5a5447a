package dev.mark.keys;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern SHAPE =
      Pattern.compile("mk_(test|live)_([0-9A-Za-z]{" + (RANDOM_LENGTH + CHECKSUM_LENGTH) + "})");

  private final SecureRandom random = new SecureRandom();

  /** A new random key for {@code environment} ({@code test} or {@code live}). */
  public String generate(String environment) {
    StringBuilder key = new StringBuilder("mk_").append(environment).append('_');
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return key.append(checksum(key)).toString();
  }

  /** The environment of a well-formed key with a correct checksum; empty for anything else. */
  public static Optional<String> environmentOf(String key) {
    if (key == null) {
      return Optional.empty();
    }
    Matcher matcher = SHAPE.matcher(key);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int checksumStart = key.length() - CHECKSUM_LENGTH;
    boolean intact = checksum(key.subSequence(0, checksumStart)).equals(key.substring(checksumStart));
    return intact ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The start of a key, safe to show in lists and logs. */
  public static String hint(String key) {
    return key.substring(0, "mk_test_".length() + 4) + "…";
  }

  private static String checksum(CharSequence body) {
    CRC32 crc = new CRC32();
    crc.update(body.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] digits = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
      value /= ALPHABET.length();
    }
    return new String(digits);
  }
}
