package dev.mark.platform.errors;

import java.util.List;

/** There is no such resource in the caller's account, or no such route. */
public final class NotFound extends ApiException {

  /** The HTTP status of every {@code NotFound}; its codes are those of this status. */
  public static final int STATUS = 404;

  public NotFound(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
