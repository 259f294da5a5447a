package dev.mark.sessions;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.mark.platform.config.SigningKeySecret;
import dev.mark.platform.security.Hkdf;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the private halves of signing keys are stored. With {@code MARK_SIGNING_KEY_SECRET}, each
 * is wrapped with AES-256-GCM under a key derived from the secret (HKDF-SHA256), with a random
 * 96-bit nonce of its own and its kid as associated data, so that a ciphertext copied into
 * another row does not open; without it, keys are stored as they are (PKCS#8). Keys stored plain
 * are read either way, so that turning the secret on logs nobody out. Thread-safe.
 */
final class PrivateKeyWrap {

  static final String PLAIN = "pkcs8";
  static final String WRAPPED = "wrapped-v1";

  // changing any of these makes every wrapped key unreadable: a new format, not an edit
  private static final byte[] KDF_INFO = "mark signing-key wrap v1: AES-256-GCM".getBytes(UTF_8);
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<SecretKey> key;

  /** A private key as stored: its format ({@link #PLAIN} or {@link #WRAPPED}) and its bytes. */
  record Stored(String format, byte[] bytes) {}

  /** A stored private key that this node cannot read; the message says why, naming the variable. */
  static final class UnwrapFailed extends Exception {
    UnwrapFailed(String message) {
      super(message);
    }
  }

  PrivateKeyWrap(Optional<SigningKeySecret> secret) {
    this.key = secret.map(s -> new SecretKeySpec(
        Hkdf.sha256(s.value().getBytes(UTF_8), new byte[0], KDF_INFO, KEY_BYTES), "AES"));
  }

  /** Whether new keys are stored wrapped. */
  boolean wraps() {
    return key.isPresent();
  }

  /** The form in which to store the private key {@code pkcs8} of {@code kid}. */
  Stored wrap(String kid, byte[] pkcs8) {
    if (key.isEmpty()) {
      return new Stored(PLAIN, pkcs8);
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kid, nonce).doFinal(pkcs8);
      byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
      return new Stored(WRAPPED, stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /**
   * The PKCS#8 encoding of {@code kid}'s stored private key.
   *
   * @throws UnwrapFailed when the key is wrapped and this node has no secret or another one, or
   *     the row was altered (its ciphertext belongs to another kid, for instance)
   */
  byte[] unwrap(String kid, Stored stored) throws UnwrapFailed {
    if (stored.format().equals(PLAIN)) {
      return stored.bytes();
    }
    if (!stored.format().equals(WRAPPED)) {
      throw new UnwrapFailed("signing key " + kid + " is stored as '" + stored.format()
          + "', which this version of Mark cannot read");
    }
    if (key.isEmpty()) {
      throw new UnwrapFailed("signing key " + kid
          + " is wrapped, and MARK_SIGNING_KEY_SECRET is not set on this node");
    }
    byte[] bytes = stored.bytes();
    try {
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new AEADBadTagException("too short to hold a nonce and a tag");
      }
      return cipher(Cipher.DECRYPT_MODE, kid, Arrays.copyOf(bytes, NONCE_BYTES))
          .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new UnwrapFailed("signing key " + kid + " does not unwrap with this node's"
          + " MARK_SIGNING_KEY_SECRET: the secret differs from the one that wrapped it, or the"
          + " row was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  private Cipher cipher(int mode, String kid, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(kid.getBytes(UTF_8));
    return cipher;
  }
}
