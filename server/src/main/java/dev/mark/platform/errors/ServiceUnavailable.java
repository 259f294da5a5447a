package dev.mark.platform.errors;

import java.util.List;

/** The service cannot take traffic now (shutting down, or its database does not answer). */
public final class ServiceUnavailable extends ApiException {

  /** The HTTP status of every {@code ServiceUnavailable}; its codes are those of this status. */
  public static final int STATUS = 503;

  public ServiceUnavailable(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
