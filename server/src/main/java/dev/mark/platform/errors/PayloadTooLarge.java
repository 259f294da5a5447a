package dev.mark.platform.errors;

import java.util.List;

/** The request body is larger than the configured limit. */
public final class PayloadTooLarge extends ApiException {

  /** The HTTP status of every {@code PayloadTooLarge}; its codes are those of this status. */
  public static final int STATUS = 413;

  public PayloadTooLarge(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
