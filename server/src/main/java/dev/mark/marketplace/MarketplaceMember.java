package dev.mark.marketplace;

/** A marketplace user as Mark knows it: its own account, and the key row that carries its limits. */
record MarketplaceMember(String accountId, String keyId) {}
