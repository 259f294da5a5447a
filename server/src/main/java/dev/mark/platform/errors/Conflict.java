package dev.mark.platform.errors;

import java.util.List;

/** The request conflicts with the state of the resource or with a request in progress. */
public final class Conflict extends ApiException {

  /** The HTTP status of every {@code Conflict}; its codes are those of this status. */
  public static final int STATUS = 409;

  public Conflict(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
