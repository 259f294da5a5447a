package dev.mark.sessions;

import static dev.mark.db.Tables.SIGNING_KEYS;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The ES256 key pairs that sign access tokens, newest first. */
final class SigningKeyRepository {

  /** One stored key pair: the private half as {@link PrivateKeyWrap} stored it, the public in X.509. */
  record StoredKey(String kid, PrivateKeyWrap.Stored privateKey, byte[] publicKey,
      OffsetDateTime createdAt) {}

  List<StoredKey> all(DSLContext dsl) {
    return dsl.selectFrom(SIGNING_KEYS)
        .orderBy(SIGNING_KEYS.CREATED_AT.desc(), SIGNING_KEYS.KID.desc())
        .fetch(r -> new StoredKey(r.getKid(),
            new PrivateKeyWrap.Stored(r.getPrivateKeyFormat(), r.getPrivateKey()),
            r.getPublicKey(), r.getCreatedAt()));
  }

  /**
   * Serialises rotations across nodes for the rest of the transaction, so that two nodes that
   * find the signer stale at once add one key between them, not two.
   */
  void lockRotation(DSLContext tx) {
    tx.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(0x4d41524b4a5754L))).fetch();
  }

  void insert(DSLContext tx, StoredKey key) {
    tx.insertInto(SIGNING_KEYS)
        .set(SIGNING_KEYS.KID, key.kid())
        .set(SIGNING_KEYS.PRIVATE_KEY, key.privateKey().bytes())
        .set(SIGNING_KEYS.PRIVATE_KEY_FORMAT, key.privateKey().format())
        .set(SIGNING_KEYS.PUBLIC_KEY, key.publicKey())
        .set(SIGNING_KEYS.CREATED_AT, key.createdAt())
        .execute();
  }

  /** Deletes the keys created before {@code cutoff} but the newest one. */
  int deleteOlderThan(DSLContext tx, OffsetDateTime cutoff, String newestKid) {
    return tx.deleteFrom(SIGNING_KEYS)
        .where(SIGNING_KEYS.CREATED_AT.lt(cutoff))
        .and(SIGNING_KEYS.KID.ne(newestKid))
        .execute();
  }
}
