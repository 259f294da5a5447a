package dev.mark.platform.config;

/**
 * The secret that wraps the private halves of the signing keys at rest
 * ({@code MARK_SIGNING_KEY_SECRET}): at least {@value #MIN_LENGTH} characters, and random (e.g.
 * {@code openssl rand -base64 32}), since a key is derived from it directly, not stretched like
 * a password. Every node must have the same one. {@link #toString()} never shows it, so that a
 * logged configuration cannot leak it.
 */
public record SigningKeySecret(String value) {

  public static final int MIN_LENGTH = 32;

  public SigningKeySecret {
    if (value.length() < MIN_LENGTH) {
      throw new ConfigException("MARK_SIGNING_KEY_SECRET must be at least " + MIN_LENGTH
          + " characters (e.g. the output of openssl rand -base64 32), got " + value.length());
    }
  }

  @Override
  public String toString() {
    return "SigningKeySecret[set]";
  }
}
