package dev.mark.platform.http;

import io.javalin.http.Context;

/** What the pipeline attaches to every request. */
final class Requests {

  static final String ID_ATTRIBUTE = "mark.request_id";

  private Requests() {}

  static String id(Context ctx) {
    String id = ctx.attribute(ID_ATTRIBUTE);
    return id == null ? "req_unknown" : id;
  }
}
