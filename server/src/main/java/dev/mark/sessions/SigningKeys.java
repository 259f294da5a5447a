package dev.mark.sessions;

import com.auth0.jwt.algorithms.Algorithm;
import dev.mark.platform.db.Transactions;
import dev.mark.platform.ids.Ids;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that sign and verify access tokens, shared by every node through the database. The
 * newest key signs; once it is older than the rotation period, the next token signed makes a new
 * one. Older keys keep verifying the tokens they signed until those expire, then are deleted:
 * a rotation logs nobody out. Keys are held in memory; a token naming an unknown {@code kid}
 * re-reads them, at most once per {@link #RELOAD_PAUSE}, so forged kids cannot flood the database.
 */
final class SigningKeys {

  static final Duration RELOAD_PAUSE = Duration.ofMillis(250);

  private final Transactions transactions;
  private final SigningKeyRepository repository = new SigningKeyRepository();
  private final Duration rotation;
  private final Duration tokenTtl;
  private final Clock clock;
  private volatile Map<String, Algorithm> verifiers = Map.of();
  private volatile Signer signer;
  private volatile Instant lastReload = Instant.EPOCH;

  /** The key that signs, and its algorithm instance. */
  record Signer(String kid, Algorithm algorithm, Instant createdAt) {}

  SigningKeys(Transactions transactions, Duration rotation, Duration tokenTtl, Clock clock) {
    this.transactions = transactions;
    this.rotation = rotation;
    this.tokenTtl = tokenTtl;
    this.clock = clock;
    reload();
  }

  /** The key to sign with now, rotated first when the current one is too old. */
  Signer signer() {
    Signer current = signer;
    if (current == null || !current.createdAt().plus(rotation).isAfter(clock.instant())) {
      rotate();
      current = signer;
    }
    return current;
  }

  /**
   * The algorithm that verifies tokens signed under {@code kid}; empty for an unknown kid. A kid
   * this node has not seen may be a key another node has just made, so the keys are re-read; to
   * keep forged kids from flooding the database, a re-read waits until {@link #RELOAD_PAUSE}
   * has passed since the last one (known kids never wait).
   */
  Optional<Algorithm> verifier(String kid) {
    Algorithm known = verifiers.get(kid);
    if (known != null) {
      return Optional.of(known);
    }
    if (!Ids.isWellFormed("sk", kid)) {
      return Optional.empty();
    }
    synchronized (this) {
      if (!verifiers.containsKey(kid)) {
        Duration sinceReload = Duration.between(lastReload, clock.instant());
        if (sinceReload.compareTo(RELOAD_PAUSE) < 0) {
          pause(RELOAD_PAUSE.minus(sinceReload));
        }
        reload();
      }
    }
    return Optional.ofNullable(verifiers.get(kid));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Makes a new signing key now, whatever the age of the current one (operators, tests). */
  synchronized void rotateNow() {
    transactions.inTransaction(tx -> {
      repository.lockRotation(tx);
      insertNewKey(tx);
      return null;
    });
    reload();
  }

  private synchronized void rotate() {
    transactions.inTransaction(tx -> {
      repository.lockRotation(tx);
      List<SigningKeyRepository.StoredKey> keys = repository.all(tx);
      Instant now = clock.instant();
      boolean fresh = !keys.isEmpty()
          && keys.getFirst().createdAt().toInstant().plus(rotation).isAfter(now);
      if (!fresh) {
        String newest = insertNewKey(tx);
        // a key signs only while younger than the rotation period, so the last token it signed
        // expires within rotation + TTL of its creation: after that it verifies nothing
        repository.deleteOlderThan(tx, OffsetDateTime.ofInstant(
            now.minus(rotation).minus(tokenTtl), ZoneOffset.UTC), newest);
      }
      return null;
    });
    reload();
  }

  private String insertNewKey(org.jooq.DSLContext tx) {
    KeyPair pair = newKeyPair();
    String kid = Ids.next("sk");
    repository.insert(tx, new SigningKeyRepository.StoredKey(kid, pair.getPrivate().getEncoded(),
        pair.getPublic().getEncoded(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    return kid;
  }

  private synchronized void reload() {
    List<SigningKeyRepository.StoredKey> keys = repository.all(transactions.reads());
    Map<String, Algorithm> loaded = new LinkedHashMap<>();
    Signer newest = null;
    for (SigningKeyRepository.StoredKey key : keys) {
      Algorithm algorithm = algorithm(key);
      loaded.put(key.kid(), algorithm);
      if (newest == null) {
        newest = new Signer(key.kid(), algorithm, key.createdAt().toInstant());
      }
    }
    verifiers = Map.copyOf(loaded);
    signer = newest;
    lastReload = clock.instant();
  }

  private static Algorithm algorithm(SigningKeyRepository.StoredKey key) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      var publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(key.publicKey()));
      var privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(key.privateKey()));
      return Algorithm.ECDSA256(publicKey, privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + key.kid() + " cannot be read", e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has P-256", e);
    }
  }
}
