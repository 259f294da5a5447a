package dev.mark.platform.errors;

import java.util.List;

/** The request URI is longer than the server reads (a 414), refused by the HTTP server before any route. */
public final class UriTooLong extends ApiException {

  /** The HTTP status of every {@code UriTooLong}; its codes are those of this status. */
  public static final int STATUS = 414;

  public UriTooLong(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
