package dev.mark.platform.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  static Map<String, String> of(List<PolicyState> policies) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Policy", policies.stream()
        .map(p -> "\"" + p.name() + "\";q=" + p.q() + ";w=" + p.w())
        .collect(Collectors.joining(", ")));
    headers.put("RateLimit", policies.stream()
        .map(p -> "\"" + p.name() + "\";r=" + p.r() + ";t=" + p.t())
        .collect(Collectors.joining(", ")));
    PolicyState tightest = policies.stream()
        .min((a, b) -> Long.compare(a.r(), b.r()))
        .orElseThrow();
    headers.put("X-RateLimit-Limit", Long.toString(tightest.q()));
    headers.put("X-RateLimit-Remaining", Long.toString(tightest.r()));
    headers.put("X-RateLimit-Reset", Long.toString(tightest.t()));
    return headers;
  }
}
