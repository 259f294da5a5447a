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

  /** The headers of {@code policies} (at least one); built without streams, as on every call. */
  static Map<String, String> of(List<PolicyState> policies) {
    StringBuilder policy = new StringBuilder(96);
    StringBuilder state = new StringBuilder(96);
    PolicyState tightest = policies.getFirst();
    for (PolicyState p : policies) {
      if (!policy.isEmpty()) {
        policy.append(", ");
        state.append(", ");
      }
      policy.append('"').append(p.name()).append("\";q=").append(p.q()).append(";w=").append(p.w());
      state.append('"').append(p.name()).append("\";r=").append(p.r()).append(";t=").append(p.t());
      if (p.r() < tightest.r()) {
        tightest = p;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Policy", policy.toString());
    headers.put("RateLimit", state.toString());
    headers.put("X-RateLimit-Limit", Long.toString(tightest.q()));
    headers.put("X-RateLimit-Remaining", Long.toString(tightest.r()));
    headers.put("X-RateLimit-Reset", Long.toString(tightest.t()));
    return headers;
  }
}
