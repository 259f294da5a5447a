package dev.mark.keys;

/** A key together with its secret, which exists only in this answer: it is not stored. */
public record IssuedKey(ApiKeyRecord key, String secret) {}
