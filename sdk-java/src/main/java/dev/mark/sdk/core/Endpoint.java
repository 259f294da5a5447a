package dev.mark.sdk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation of the contract, as the generated resources describe it: where it is sent and
 * the traits that decide how. Immutable.
 */
final class Endpoint {
  /** The request header of the contract's {@code IdempotencyKey} parameter. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** What the operation does to the caller's session: the contract's {@code x-mark-session}. */
  enum SessionRole {
    NONE, START, RENEW, END, SHOW
  }

  final String operationId;
  final String method;
  /** The path with its {@code {name}} placeholders, e.g. {@code /v1/datasets/{dataset_id}}. */
  final String path;
  /** False for a public operation ({@code security: []}): it is sent without credentials. */
  final boolean authenticated;
  /** Whether it takes an Idempotency-Key, which makes its retries safe. */
  final boolean idempotencyKey;
  final SessionRole session;

  private Endpoint(String operationId, String method, String path, boolean authenticated, boolean idempotencyKey,
      SessionRole session) {
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    this.authenticated = authenticated;
    this.idempotencyKey = idempotencyKey;
    this.session = session;
  }

  /** An endpoint from the contract's words; an unknown {@code x-mark-session} fails the class that declares it. */
  static Endpoint of(String operationId, String method, String path, boolean authenticated, String session,
      List<String> headerParams) {
    return new Endpoint(operationId, method, path, authenticated, headerParams.contains(IDEMPOTENCY_KEY),
        sessionRole(operationId, session));
  }

  static List<Endpoint> all(List<List<Endpoint>> perTag) {
    List<Endpoint> all = new ArrayList<>();
    perTag.forEach(all::addAll);
    return List.copyOf(all);
  }

  /** The endpoint that renews a session, if the contract has one. */
  static Endpoint withSession(List<Endpoint> endpoints, SessionRole role) {
    return endpoints.stream().filter(e -> e.session == role).findFirst().orElse(null);
  }

  /**
   * Whether a failed attempt may be sent again on its own. A POST may act twice unless it takes
   * an Idempotency-Key; ending a session is the exception, as it answers the same however often
   * it is sent. A signup's confirmation, login and refresh are sent once: a retried confirmation
   * would spend its one-time token, a retried refresh a used token, which ends the session.
   */
  boolean retriedByDefault() {
    return !"POST".equals(method) || idempotencyKey || session == SessionRole.END;
  }

  private static SessionRole sessionRole(String operationId, String session) {
    switch (session) {
      case "":
        return SessionRole.NONE;
      case "start":
        return SessionRole.START;
      case "renew":
        return SessionRole.RENEW;
      case "end":
        return SessionRole.END;
      case "show":
        return SessionRole.SHOW;
      default:
        throw new IllegalArgumentException(
            "Mark SDK: " + operationId + " has x-mark-session '" + session + "', which this SDK does not know");
    }
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + path + ")";
  }
}
