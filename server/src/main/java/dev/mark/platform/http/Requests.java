package dev.mark.platform.http;

import io.javalin.http.Context;

/** What the pipeline attaches to every request. */
final class Requests {

  static final String ID_ATTRIBUTE = "mark.request_id";
  /** The operation ID of the contract operation a request matched; absent when none. */
  static final String OPERATION_ATTRIBUTE = "mark.operation";

  private Requests() {}

  static String id(Context ctx) {
    String id = ctx.attribute(ID_ATTRIBUTE);
    return id == null ? "req_unknown" : id;
  }
}
