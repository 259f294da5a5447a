package dev.mark.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, as the server uses it for secrets that carry enough randomness of their own (API keys,
 * refresh tokens, proxy secrets) and for stable keys. Digests are cloned from a prototype: on the
 * hot path that is cheaper than a provider lookup per call.
 */
public final class Sha256 {

  private static final MessageDigest PROTOTYPE = prototype();

  private Sha256() {}

  /** A fresh digest, for hashing in several parts. */
  public static MessageDigest newDigest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  /** The digest of {@code value}'s UTF-8 bytes. */
  public static byte[] of(String value) {
    return newDigest().digest(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The first 64 bits of the digest of {@code value}: a stable numeric key, e.g. of a bucket. */
  public static long first64Bits(String value) {
    return java.nio.ByteBuffer.wrap(of(value)).getLong();
  }

  /** The digest of {@code value}'s UTF-8 bytes, in lower-case hex. */
  public static String hex(String value) {
    return HexFormat.of().formatHex(of(value));
  }

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
