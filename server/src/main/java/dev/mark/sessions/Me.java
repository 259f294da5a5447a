package dev.mark.sessions;

import java.util.Optional;

/** The user of a session, the environment of the call, and the CSRF token in cookie mode. */
public record Me(User user, String environment, Optional<String> csrfToken) {}
