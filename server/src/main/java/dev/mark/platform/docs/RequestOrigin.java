package dev.mark.platform.docs;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The origin ({@code scheme://host[:port]}) a client used to reach this server, as the served
 * contract offers it in {@code servers}.
 *
 * <p>The host is the {@code Host} header, taken only when it is a plain DNS name, IPv4 or
 * bracketed IPv6 address with an optional port: nothing else can reach the YAML or JSON written
 * from it. The scheme is {@code X-Forwarded-Proto} when that is exactly {@code http} or
 * {@code https} (a TLS-terminating proxy sees the client's https; without it a page served over
 * https would offer an http server that the browser refuses to call), else the connection's
 * own. Both are the caller's own claims about its own request, and the document goes back to
 * that caller only (the routes answer {@code Vary} on both), so a false value misleads no one
 * else. {@code X-Forwarded-Host} is not read: the Host header already names the host as
 * ordinary reverse proxies pass it, and a second source of it would only add a way to lie.
 */
final class RequestOrigin {

  static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern HOST = Pattern.compile(
      "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

  private RequestOrigin() {}

  /** The origin of the request, or empty when its Host header is missing or not plain. */
  static Optional<String> of(Context ctx) {
    return of(ctx.scheme(), ctx.header("Host"), ctx.header(FORWARDED_PROTO));
  }

  static Optional<String> of(String connectionScheme, String host, String forwardedProto) {
    if (host == null || !HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of(scheme(connectionScheme, forwardedProto) + "://" + host.toLowerCase(Locale.ROOT));
  }

  private static String scheme(String connectionScheme, String forwardedProto) {
    if (forwardedProto != null) {
      // a chain of proxies lists one value each; the first is the client's
      String first = forwardedProto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (first.equals("http") || first.equals("https")) {
        return first;
      }
    }
    return "https".equalsIgnoreCase(connectionScheme) ? "https" : "http";
  }
}
