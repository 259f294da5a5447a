package dev.mark.platform.idempotency;

import java.util.Optional;

/**
 * The first response to a request sent with an Idempotency-Key, replayed on retries.
 *
 * @param status its HTTP status
 * @param body its JSON body (empty for 204)
 * @param location its Location header, if any
 */
public record StoredResponse(int status, byte[] body, Optional<String> location) {}
