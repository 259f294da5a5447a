package dev.mark.platform.errors;

import java.util.List;

/** There is no such resource in the caller's account, or no such route. */
public final class NotFound extends ApiException {

  public NotFound(String code, String detail) {
    super(code, detail, List.of());
  }
}
