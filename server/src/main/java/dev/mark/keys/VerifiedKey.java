package dev.mark.keys;

import dev.mark.platform.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * A presented secret that the database accepted: whom it authenticates, and until when at most
 * (the key's expiry, or the end of the grace period of a rolled-over secret).
 */
record VerifiedKey(Principal principal, Optional<Instant> validUntil) {}
