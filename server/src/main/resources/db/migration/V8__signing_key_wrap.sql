-- How a signing key's private half is stored: 'pkcs8' as it is, or 'wrapped-v1': AES-256-GCM
-- under the key HKDF-SHA256 derives from MARK_SIGNING_KEY_SECRET (UTF-8, no salt, info
-- 'mark signing-key wrap v1: AES-256-GCM', 32 bytes), with the kid (UTF-8) as associated data,
-- stored as the 12-byte nonce, then the ciphertext and its 16-byte tag. Existing rows are
-- 'pkcs8'. The default stays so that a node of the previous version, still running during a
-- rolling upgrade, inserts rows that say what they hold.
alter table signing_keys
    add column private_key_format text not null default 'pkcs8'
        check (private_key_format in ('pkcs8', 'wrapped-v1'));
