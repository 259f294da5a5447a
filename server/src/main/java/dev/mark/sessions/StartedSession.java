package dev.mark.sessions;

import java.time.Instant;
import java.util.Optional;

/**
 * A session just started or refreshed: its user and its tokens. In cookie mode the tokens go
 * into cookies and only the CSRF token into the body.
 */
public record StartedSession(User user, boolean cookieMode, String accessToken,
    Instant accessTokenExpiresAt, String refreshToken, Instant refreshTokenExpiresAt,
    Optional<String> csrfToken) {}
