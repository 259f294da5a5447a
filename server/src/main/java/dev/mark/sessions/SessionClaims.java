package dev.mark.sessions;

import java.util.Optional;

/**
 * What an access token says about its session.
 *
 * @param userId the user, {@code usr_…} (the token's subject)
 * @param accountId the user's account
 * @param planId the account's plan when the token was issued
 * @param sessionId the session (refresh-token family), {@code ses_…}
 * @param testKeyId the session key that counts calls in {@code test}
 * @param liveKeyId the session key that counts calls in {@code live}
 * @param csrfDigest in cookie mode, the SHA-256 (hex) of the session's CSRF token
 */
record SessionClaims(String userId, String accountId, String planId, String sessionId,
    String testKeyId, String liveKeyId, Optional<String> csrfDigest) {}
