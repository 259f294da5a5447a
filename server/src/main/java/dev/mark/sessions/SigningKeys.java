package dev.mark.sessions;

import com.auth0.jwt.algorithms.Algorithm;
import dev.mark.platform.config.ConfigException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that sign and verify access tokens, shared by every node through the database. The
 * newest key signs; once it is older than the rotation period, the next token signed makes a new
 * one. Older keys keep verifying the tokens they signed until those expire, then are deleted:
 * a rotation logs nobody out. Keys are held in memory; a token naming an unknown {@code kid}
 * re-reads them, at most once per {@link #RELOAD_PAUSE}, so forged kids cannot flood the database.
 *
 * <p>Private halves are stored as {@link PrivateKeyWrap} says. Tokens are verified with the
 * public halves alone, so every node verifies every token whatever its secret. At startup every
 * private half must unwrap, or the node does not start. A key that another node makes later and
 * this one cannot unwrap (the nodes disagree on {@code MARK_SIGNING_KEY_SECRET}, as during a
 * rolling change of it) is logged as an error once and passed over: this node signs with the
 * newest key it can unwrap, and makes one of its own when that one is too old.
 */
final class SigningKeys {

  static final Duration RELOAD_PAUSE = Duration.ofMillis(250);
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final Transactions transactions;
  private final PrivateKeyWrap wrap;
  private final SigningKeyRepository repository = new SigningKeyRepository();
  private final Duration rotation;
  private final Duration tokenTtl;
  private final Clock clock;
  private final Set<String> reportedUnreadable = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Algorithm> verifiers = Map.of();
  private volatile Signer signer;
  private volatile Instant lastReload = Instant.EPOCH;

  /** The key that signs, and its algorithm instance. */
  record Signer(String kid, Algorithm algorithm, Instant createdAt) {}

  /**
   * @throws ConfigException when a stored private half does not unwrap: this node's
   *     {@code MARK_SIGNING_KEY_SECRET} is missing or not the one that wrapped it, or a row was
   *     altered
   */
  SigningKeys(Transactions transactions, PrivateKeyWrap wrap, Duration rotation,
      Duration tokenTtl, Clock clock) {
    this.transactions = transactions;
    this.wrap = wrap;
    this.rotation = rotation;
    this.tokenTtl = tokenTtl;
    this.clock = clock;
    requireEveryKeyUnwraps();
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
      Instant now = clock.instant();
      // judged by the key this node can sign with, so that a fresh key it cannot unwrap does
      // not leave it signing with a stale one
      boolean fresh = newestSigner(repository.all(tx))
          .filter(newest -> newest.createdAt().plus(rotation).isAfter(now))
          .isPresent();
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
    repository.insert(tx, new SigningKeyRepository.StoredKey(kid,
        wrap.wrap(kid, pair.getPrivate().getEncoded()), pair.getPublic().getEncoded(),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    return kid;
  }

  private void requireEveryKeyUnwraps() {
    for (SigningKeyRepository.StoredKey key : repository.all(transactions.reads())) {
      try {
        wrap.unwrap(key.kid(), key.privateKey());
      } catch (PrivateKeyWrap.UnwrapFailed e) {
        throw new ConfigException(e.getMessage() + ". Every node needs the same"
            + " MARK_SIGNING_KEY_SECRET; to change it, see the README (Users and sessions)");
      }
    }
  }

  private synchronized void reload() {
    List<SigningKeyRepository.StoredKey> keys = repository.all(transactions.reads());
    Map<String, Algorithm> loaded = new LinkedHashMap<>();
    for (SigningKeyRepository.StoredKey key : keys) {
      loaded.put(key.kid(), Algorithm.ECDSA256(publicKey(key), null));
    }
    verifiers = Map.copyOf(loaded);
    signer = newestSigner(keys).orElse(null);
    lastReload = clock.instant();
  }

  /** The newest of {@code keys} (newest first) whose private half this node can unwrap. */
  private Optional<Signer> newestSigner(List<SigningKeyRepository.StoredKey> keys) {
    for (SigningKeyRepository.StoredKey key : keys) {
      try {
        Algorithm algorithm = Algorithm.ECDSA256(publicKey(key), privateKey(key));
        return Optional.of(new Signer(key.kid(), algorithm, key.createdAt().toInstant()));
      } catch (PrivateKeyWrap.UnwrapFailed e) {
        if (reportedUnreadable.add(key.kid())) {
          log.error("{}. This node still verifies its tokens, but signs with an older key or one"
              + " of its own until every node has the same MARK_SIGNING_KEY_SECRET", e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  private static ECPublicKey publicKey(SigningKeyRepository.StoredKey key) {
    try {
      return (ECPublicKey) KeyFactory.getInstance("EC")
          .generatePublic(new X509EncodedKeySpec(key.publicKey()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing key " + key.kid() + " cannot be read", e);
    }
  }

  private ECPrivateKey privateKey(SigningKeyRepository.StoredKey key) throws PrivateKeyWrap.UnwrapFailed {
    byte[] pkcs8 = wrap.unwrap(key.kid(), key.privateKey());
    try {
      return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
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
