package dev.mark.platform.errors;

import java.util.List;

/** Work the caller asked for ran out of the time the server allows it (a 504). */
public final class Timeout extends ApiException {

  /** The HTTP status of every {@code Timeout}; its codes are those of this status. */
  public static final int STATUS = 504;

  public Timeout(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }

  /** The work ran until it was stopped: what it cost the server is charged to the caller. */
  @Override
  public boolean charged() {
    return true;
  }
}
