package dev.mark.platform.errors;

import java.util.List;

/** The body is not in a media type the operation accepts. */
public final class UnsupportedMediaType extends ApiException {

  /** The HTTP status of every {@code UnsupportedMediaType}; its codes are those of this status. */
  public static final int STATUS = 415;

  public UnsupportedMediaType(ProblemCode code, String detail) {
    super(STATUS, code, detail, List.of());
  }
}
