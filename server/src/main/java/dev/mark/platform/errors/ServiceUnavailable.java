package dev.mark.platform.errors;

import java.util.List;
import java.util.OptionalLong;

/**
 * The service cannot take traffic now (shutting down, its database does not answer, its
 * analytics connections are all in use).
 *
 * @see #retryAfterSeconds() the {@code Retry-After} the 503 carries, when one is known
 */
public final class ServiceUnavailable extends ApiException {

  /** The HTTP status of every {@code ServiceUnavailable}; its codes are those of this status. */
  public static final int STATUS = 503;

  private final OptionalLong retryAfterSeconds;

  public ServiceUnavailable(ProblemCode code, String detail) {
    this(code, detail, OptionalLong.empty());
  }

  public ServiceUnavailable(ProblemCode code, String detail, OptionalLong retryAfterSeconds) {
    super(STATUS, code, detail, List.of());
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
