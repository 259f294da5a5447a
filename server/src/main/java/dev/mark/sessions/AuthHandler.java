package dev.mark.sessions;

import dev.mark.api.AuthApi;
import dev.mark.api.model.ConfirmSignupRequest;
import dev.mark.api.model.LoginRequest;
import dev.mark.api.model.RefreshRequest;
import dev.mark.api.model.Session;
import dev.mark.api.model.SessionMode;
import dev.mark.api.model.SignupPending;
import dev.mark.api.model.SignupRequest;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unauthorized;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.http.Enums;
import dev.mark.platform.security.OriginPolicy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code auth} operations: maps the API's models to sessions and back, and hands cookie-mode
 * sessions over as cookies. Cookie-mode calls must come from an allowed origin.
 */
public final class AuthHandler implements AuthApi {

  private final SessionService sessions;
  private final SignupService signups;
  private final OriginPolicy origins;
  private final Clock clock;

  public AuthHandler(SessionService sessions, SignupService signups, OriginPolicy origins, Clock clock) {
    this.sessions = sessions;
    this.signups = signups;
    this.origins = origins;
    this.clock = clock;
  }

  /** The same answer, headers included, whether or not the email has a user. */
  @Override
  public SignupPending signup(ApiCall call, SignupRequest request) {
    SignupService.Requested requested = signups.signup(request.email(), request.password(),
        Optional.ofNullable(request.accountName()), call.clientAddress());
    call.addHeader("Cache-Control", "no-store");
    return new SignupPending(SignupPending.StatusEnum.VERIFICATION_SENT, requested.email(),
        utc(requested.expiresAt()));
  }

  @Override
  public Session confirmSignup(ApiCall call, ConfirmSignupRequest request) {
    boolean cookieMode = isCookieMode(call, request.session());
    return respond(call, signups.confirm(request.token(), cookieMode, call.clientAddress()));
  }

  @Override
  public Session login(ApiCall call, LoginRequest request) {
    boolean cookieMode = isCookieMode(call, request.session());
    return respond(call, sessions.login(request.email(), request.password(), cookieMode,
        call.clientAddress()));
  }

  @Override
  public Session refreshSession(ApiCall call, RefreshRequest request) {
    SessionService.PresentedRefresh presented = presented(call, request).orElseThrow(() ->
        new Unauthorized(ProblemCode.INVALID_REFRESH_TOKEN,
            "Send the refresh_token in the body, or the mark_refresh cookie."));
    return respond(call, sessions.refresh(presented));
  }

  @Override
  public void logout(ApiCall call, RefreshRequest request) {
    Optional<SessionService.PresentedRefresh> presented = presented(call, request);
    presented.ifPresent(sessions::logout);
    SessionCookies.cleared().forEach(cookie -> call.addHeader("Set-Cookie", cookie));
  }

  @Override
  public dev.mark.api.model.Me getMe(ApiCall call) {
    boolean bearer = call.request().header("Authorization") != null;
    Optional<String> cookie = bearer
        ? Optional.empty()
        : Optional.ofNullable(call.request().cookie(SessionCookies.ACCESS));
    Me me = sessions.me(call.principal(), cookie);
    return new dev.mark.api.model.Me(toModel(me.user()),
        Enums.named(dev.mark.api.model.Me.EnvironmentEnum.class, AuthHandler::environmentName,
            me.environment()),
        me.csrfToken().orElse(null));
  }

  /** The refresh token from the body (token mode) or from the cookie (cookie mode). */
  private Optional<SessionService.PresentedRefresh> presented(ApiCall call, RefreshRequest request) {
    if (request != null && request.refreshToken() != null) {
      return Optional.of(new SessionService.PresentedRefresh(request.refreshToken(), false,
          Optional.empty(), false));
    }
    String cookie = call.request().cookie(SessionCookies.REFRESH);
    if (cookie == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    origins.requireAllowed(call.request());
    return Optional.of(new SessionService.PresentedRefresh(cookie, true,
        Optional.ofNullable(call.request().header(CookieSessionAuthenticator.CSRF_HEADER)),
        origins.comesFromAllowedOrigin(call.request())));
  }

  /** The mode asked for; the binder has filled in the contract's default when none was sent. */
  private boolean isCookieMode(ApiCall call, SessionMode mode) {
    boolean cookieMode = switch (mode) {
      case TOKEN -> false;
      case COOKIE -> true;
    };
    if (cookieMode) {
      // a foreign page must not be able to log a browser in to an account of its choosing
      origins.requireAllowed(call.request());
    }
    return cookieMode;
  }

  private Session respond(ApiCall call, StartedSession session) {
    // tokens must not linger in a browser's or a proxy's cache
    call.addHeader("Cache-Control", "no-store");
    if (session.cookieMode()) {
      SessionCookies.of(session, clock.instant()).forEach(cookie -> call.addHeader("Set-Cookie", cookie));
    }
    return new Session(toModel(session.user()),
        session.cookieMode() ? SessionMode.COOKIE : SessionMode.TOKEN,
        Session.TokenTypeEnum.BEARER,
        session.cookieMode() ? null : session.accessToken(),
        utc(session.accessTokenExpiresAt()),
        session.cookieMode() ? null : session.refreshToken(),
        utc(session.refreshTokenExpiresAt()),
        session.csrfToken().orElse(null));
  }

  private static String environmentName(dev.mark.api.model.Me.EnvironmentEnum environment) {
    return switch (environment) {
      case TEST -> "test";
      case LIVE -> "live";
    };
  }

  private static dev.mark.api.model.User toModel(User user) {
    return new dev.mark.api.model.User(user.id(), user.email(), user.accountId(), user.planId(),
        user.createdAt());
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
