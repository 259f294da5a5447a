package dev.mark.platform.errors;

import java.util.List;

/** The request's headers are larger than the server reads (a 431), refused by the HTTP server before any route. */
public final class HeadersTooLarge extends ApiException {

  /** The HTTP status of every {@code HeadersTooLarge}; its codes are those of this status. */
  public static final int STATUS = 431;

  public HeadersTooLarge(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
