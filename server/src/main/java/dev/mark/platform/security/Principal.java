package dev.mark.platform.security;

import java.util.Set;

/**
 * Who is calling: the account an authenticated request acts for.
 *
 * @param accountId the account, {@code acct_…}
 * @param keyId the API key used, {@code key_…}
 * @param environment {@code test} or {@code live}; data never crosses environments
 * @param planId the plan whose limits apply to the call, e.g. {@code free}
 * @param scopes what the caller may do: {@code read}, {@code write}, {@code manage}
 */
public record Principal(
    String accountId, String keyId, String environment, String planId, Set<String> scopes) {

  public Principal {
    scopes = Set.copyOf(scopes);
  }
}
