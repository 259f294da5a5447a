package dev.mark.sdk.core;

import dev.mark.sdk.model.LoginRequest;
import dev.mark.sdk.model.Me;
import dev.mark.sdk.model.RefreshRequest;
import dev.mark.sdk.model.Session;
import dev.mark.sdk.model.SignupRequest;
import java.util.Map;

/**
 * {@code client.auth()}: accounts and sessions of people using Mark, rather than an API key.
 * None of these calls needs credentials but {@link #me()}. Thread-safe.
 *
 * <p>From Java, sessions are in token mode (the server's default): the {@link Session} carries
 * an access token, to call as the user with {@link MarkClient#withSession(Session)}, and a
 * refresh token, which that client trades for new tokens on its own when a call finds the access
 * token (15 minutes) expired, and sends the call again; calls made at the same time share one
 * refresh. Every session signup, login or refresh starts, by hand or on its own, goes to the
 * client's {@link MarkClient.Builder#onSession onSession}. Cookie mode is for browsers.
 *
 * <p>Signup, login and refresh are sent once, never retried on their own: the server keeps no
 * Idempotency-Key for them, so a signup retried after a lost response would fail with
 * {@code 409 email_taken}, and a refresh retried after a lost response would present a used
 * refresh token, which ends the session ({@code 401 refresh_token_reused}). Set
 * {@link RequestOptions.Builder#maxRetries(int)} on a call to accept that risk. Logout is
 * retried like other calls: it answers 204 however often it is sent.
 */
public final class Auth {
  private static final String ME = "/v1/me";
  private static final String NO_SESSION =
      "Mark: this client holds no refresh token: build it with withSession(session) or refreshToken(…).";

  private final Transport transport;

  Auth(Transport transport) {
    this.transport = transport;
  }

  /** Creates a user with an account of its own, and starts a session. */
  public MarkResponse<Session> signup(SignupRequest request) {
    return signup(request, RequestOptions.NONE);
  }

  public MarkResponse<Session> signup(SignupRequest request, RequestOptions options) {
    return startSession("/v1/auth/signup", request, options);
  }

  /** Starts a session; a wrong email or password is an {@link AuthenticationException} {@code invalid_credentials}. */
  public MarkResponse<Session> login(LoginRequest request) {
    return login(request, RequestOptions.NONE);
  }

  public MarkResponse<Session> login(LoginRequest request, RequestOptions options) {
    return startSession("/v1/auth/login", request, options);
  }

  /**
   * Trades a refresh token, which works once, for new tokens. This client's own refresh token
   * renews its session, as {@link #refresh()} does.
   */
  public MarkResponse<Session> refresh(String refreshToken) {
    return refresh(refreshToken, RequestOptions.NONE);
  }

  public MarkResponse<Session> refresh(String refreshToken, RequestOptions options) {
    if (refreshToken != null && refreshToken.equals(transport.ownRefreshToken())) {
      return transport.renewSession(options);
    }
    return transport.startSession(Transport.REFRESH_PATH, new RefreshRequest().refreshToken(refreshToken), options);
  }

  /**
   * Renews this client's session (from {@link MarkClient#withSession(Session)} or a refresh token
   * given to the builder), sharing any refresh under way; the client calls with the new tokens
   * from then on.
   *
   * @throws IllegalStateException if this client holds no refresh token
   */
  public MarkResponse<Session> refresh() {
    return refresh(RequestOptions.NONE);
  }

  public MarkResponse<Session> refresh(RequestOptions options) {
    if (transport.ownRefreshToken() == null) {
      throw new IllegalStateException(NO_SESSION);
    }
    return transport.renewSession(options);
  }

  /**
   * Ends the session of a refresh token; answers whether or not the session was still going.
   * An access token already issued works until it expires. This client's own refresh token
   * ends its session, as {@link #logout()} does.
   */
  public ResponseMeta logout(String refreshToken) {
    return logout(refreshToken, RequestOptions.NONE);
  }

  public ResponseMeta logout(String refreshToken, RequestOptions options) {
    transport.endSession(refreshToken);
    Transport.Body body = transport.json(new RefreshRequest().refreshToken(refreshToken));
    return transport.send(Transport.Access.PUBLIC, "POST", "/v1/auth/logout", Map.of(), body, options, null).meta();
  }

  /**
   * Ends this client's session, which it no longer renews.
   *
   * @throws IllegalStateException if this client holds no refresh token
   */
  public ResponseMeta logout() {
    return logout(RequestOptions.NONE);
  }

  public ResponseMeta logout(RequestOptions options) {
    String own = transport.ownRefreshToken();
    if (own == null) {
      throw new IllegalStateException(NO_SESSION);
    }
    return logout(own, options);
  }

  /** The session's user, and the environment the call acted in. */
  public MarkResponse<Me> me() {
    return me(RequestOptions.NONE);
  }

  public MarkResponse<Me> me(RequestOptions options) {
    return transport.send("GET", ME, Map.of(), null, options, transport.type(Me.class));
  }

  private MarkResponse<Session> startSession(String path, Object request, RequestOptions options) {
    return transport.startSession(path, request, options);
  }
}
