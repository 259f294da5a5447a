package dev.mark.platform.errors;

import java.util.List;

/** No valid credentials were sent; the detail says what to send. */
public final class Unauthorized extends ApiException {

  /** The HTTP status of every {@code Unauthorized}; its codes are those of this status. */
  public static final int STATUS = 401;

  public Unauthorized(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
