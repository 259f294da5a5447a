package dev.mark.platform.security;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): turns a secret with enough randomness into keys for named
 * purposes. Written here because the JDK's own ({@code javax.crypto.KDF}) needs Java 25, and
 * the server runs on 21; it is checked against the RFC's test vectors.
 */
public final class Hkdf {

  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /** {@code length} bytes of key material for {@code info}, from {@code secret} and {@code salt}. */
  public static byte[] sha256(byte[] secret, byte[] salt, byte[] info, int length) {
    return expand(extract(salt, secret), info, length);
  }

  /** HKDF-Extract: a pseudorandom key from the input keying material. */
  static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
    // an empty salt means HashLen zero bytes (RFC 5869, 2.2); a MAC key may not be empty
    return hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt).doFinal(inputKeyMaterial);
  }

  /** HKDF-Expand: {@code length} bytes (at most 255 × 32) from a pseudorandom key. */
  static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes, not " + length);
    }
    Mac mac = hmac(pseudorandomKey);
    byte[] output = new byte[length];
    byte[] block = new byte[0];
    for (int counter = 1, written = 0; written < length; counter++) {
      mac.update(block);
      mac.update(info);
      mac.update((byte) counter);
      block = mac.doFinal();
      int take = Math.min(block.length, length - written);
      System.arraycopy(block, 0, output, written, take);
      written += take;
    }
    return output;
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
