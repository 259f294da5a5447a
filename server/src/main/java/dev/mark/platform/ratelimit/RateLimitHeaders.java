package dev.mark.platform.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats the state of a caller's policies as response headers: {@code RateLimit-Policy} and
 * {@code RateLimit} in the syntax of the IETF httpapi draft ({@code "burst";q=10;w=1} and
 * {@code "burst";r=9;t=1}, where {@code t} is seconds until the policy is full again), and the
 * older {@code X-RateLimit-*} trio, which can name one policy only: the one closest to running
 * out.
 */
final class RateLimitHeaders {

  /** One policy's state: quota {@code q} per {@code w} seconds, {@code r} left, full in {@code t}. */
  record PolicyState(String name, long q, long w, long r, long t) {}

  private RateLimitHeaders() {}

  /**
   * The {@code RateLimit-Policy} header of {@code policies} (at least one): what each allows,
   * which is fixed for a plan's limits in a given month, so callers may compute it once.
   */
  static String policy(List<PolicyState> policies) {
    StringBuilder policy = new StringBuilder(128);
    for (PolicyState p : policies) {
      if (!policy.isEmpty()) {
        policy.append(", ");
      }
      policy.append('"').append(p.name()).append("\";q=").append(p.q()).append(";w=").append(p.w());
    }
    return policy.toString();
  }

  /** Every header of {@code policies} (at least one). */
  static Map<String, String> of(List<PolicyState> policies) {
    return of(policies, policy(policies));
  }

  /**
   * Every header of {@code policies} (at least one), given their {@link #policy} header. Built
   * without streams: it runs on every call.
   */
  static Map<String, String> of(List<PolicyState> policies, String policyHeader) {
    StringBuilder state = new StringBuilder(128);
    PolicyState tightest = policies.getFirst();
    for (PolicyState p : policies) {
      if (!state.isEmpty()) {
        state.append(", ");
      }
      state.append('"').append(p.name()).append("\";r=").append(p.r()).append(";t=").append(p.t());
      if (p.r() < tightest.r()) {
        tightest = p;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Policy", policyHeader);
    headers.put("RateLimit", state.toString());
    headers.put("X-RateLimit-Limit", Long.toString(tightest.q()));
    headers.put("X-RateLimit-Remaining", Long.toString(tightest.r()));
    headers.put("X-RateLimit-Reset", Long.toString(tightest.t()));
    return headers;
  }
}
