package dev.mark.sdk.core;

import com.fasterxml.jackson.databind.JavaType;
import dev.mark.sdk.model.RefreshRequest;
import dev.mark.sdk.model.Session;
import java.util.Map;

/**
 * The operations the contract marks with {@code x-mark-session}, and the client's own session:
 * a session started ({@code start}: confirmSignup, login) or renewed ({@code renew}: refresh) goes to
 * {@code onSession}; a refresh of the client's own refresh token renews the client's session,
 * sharing any renewal under way; ending ({@code end}: logout) the client's own session stops its
 * renewals. Without a refresh token in the body, renew and end act on the client's own session.
 * Thread-safe.
 */
final class SessionCalls {
  static final String NO_SESSION =
      "Mark: this client holds no refresh token: build it with withSession(session) or refreshToken(…).";

  private final Transport transport;
  private final ClientConfig config;
  /** The contract's refresh operation, or null if it has none (then sessions never renew). */
  private final Endpoint renewal;

  SessionCalls(Transport transport, ClientConfig config, Endpoint renewal) {
    this.transport = transport;
    this.config = config;
    this.renewal = renewal;
  }

  /** A signup's confirmation or a login: sends it, and tells {@code onSession} of the session it started. */
  <T> MarkResponse<T> start(Endpoint endpoint, String path, Body body, RequestOptions options, JavaType type) {
    MarkResponse<T> started = transport.send(endpoint, path, Map.of(), body, options, type);
    config.onSession.accept((Session) started.data());
    return started;
  }

  /** A refresh: of this client's own session, or of another refresh token, which starts a session. */
  @SuppressWarnings("unchecked")
  <T> MarkResponse<T> renew(Endpoint endpoint, String path, Body body, RequestOptions options, JavaType type) {
    String own = ownRefreshToken();
    String token = refreshTokenOf(body);
    if (token == null || token.equals(own)) {
      if (own == null) {
        throw new IllegalStateException(NO_SESSION);
      }
      return (MarkResponse<T>) renewOwn(options);
    }
    return start(endpoint, path, body, options, type);
  }

  /** A logout: of the refresh token in the body, else of this client's session, which it no longer renews. */
  <T> MarkResponse<T> end(Endpoint endpoint, String path, Body body, RequestOptions options, JavaType type) {
    String token = refreshTokenOf(body);
    if (token == null) {
      token = ownRefreshToken();
      if (token == null) {
        throw new IllegalStateException(NO_SESSION);
      }
      body = transport.json(new RefreshRequest().refreshToken(token));
    }
    config.session.end(token);
    return transport.send(endpoint, path, Map.of(), body, options, type);
  }

  /** Refreshes this client's own session, sharing the refresh under way if there is one. */
  MarkResponse<Session> renewOwn(RequestOptions options) {
    SessionTokens.Renewal renewed = config.session.renew(() -> refreshOwn(options));
    if (renewed.failure != null) {
      throw renewed.failure;
    }
    return renewed.session;
  }

  /**
   * One refresh of this client's session: its new tokens become the client's, then
   * {@code onSession} hears of them. A refused refresh token (401: invalid or reused) can never
   * work again, so it is forgotten. Only an exception of {@code onSession} is thrown; the rest
   * is the failure.
   */
  SessionTokens.Renewal refreshOwn(RequestOptions options) {
    String refreshToken = ownRefreshToken();
    if (renewal == null || refreshToken == null) {
      return SessionTokens.Renewal.failed(new AuthenticationException(NO_SESSION, MarkException.ErrorParts.NONE, null));
    }
    MarkResponse<Session> renewed;
    try {
      renewed = transport.send(renewal, renewal.path, Map.of(),
          transport.json(new RefreshRequest().refreshToken(refreshToken)), options,
          config.mapper.constructType(Session.class));
    } catch (MarkException e) {
      if (e instanceof AuthenticationException) {
        config.session.end(refreshToken);
      }
      return SessionTokens.Renewal.failed(e);
    }
    config.session.adopt(renewed.data());
    config.onSession.accept(renewed.data());
    return SessionTokens.Renewal.renewed(renewed);
  }

  private String ownRefreshToken() {
    return config.session.current().refreshToken;
  }

  private static String refreshTokenOf(Body body) {
    return body != null && body.value instanceof RefreshRequest ? ((RefreshRequest) body.value).getRefreshToken() : null;
  }
}
