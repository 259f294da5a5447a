package dev.mark.platform.http;

import dev.mark.platform.security.CallerRequest;
import io.javalin.http.Context;

/** A Javalin request as authenticators and the session handlers see it. */
final class ContextRequest implements CallerRequest {

  private final Context ctx;

  ContextRequest(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public String method() {
    return ctx.method().name();
  }

  @Override
  public String header(String name) {
    return ctx.header(name);
  }

  @Override
  public String cookie(String name) {
    return ctx.cookie(name);
  }

  @Override
  public String clientAddress() {
    return ctx.ip();
  }
}
