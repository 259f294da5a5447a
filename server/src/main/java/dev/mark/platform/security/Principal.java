package dev.mark.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the account an authenticated request acts for.
 *
 * @param accountId the account, {@code acct_…}
 * @param keyId the key whose limits and usage the call counts against, {@code key_…}: the API
 *     key used, or the session key of a logged-in user's account in this environment
 * @param environment {@code test} or {@code live}; data never crosses environments
 * @param planId the plan whose limits apply to the call, e.g. {@code free}
 * @param scopes what the caller may do: {@code read}, {@code write}, {@code manage}
 * @param userId the logged-in user, {@code usr_…}; null for API keys and marketplace calls
 */
public record Principal(
    String accountId, String keyId, String environment, String planId, Set<String> scopes,
    String userId) {

  public Principal {
    scopes = Set.copyOf(scopes);
  }

  /** A caller with an API key or through a marketplace: no user. */
  public Principal(String accountId, String keyId, String environment, String planId,
      Set<String> scopes) {
    this(accountId, keyId, environment, planId, scopes, null);
  }

  /** The logged-in user, when the call comes from a session. */
  public Optional<String> user() {
    return Optional.ofNullable(userId);
  }
}
