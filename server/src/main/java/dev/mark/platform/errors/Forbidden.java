package dev.mark.platform.errors;

import java.util.List;

/** Valid credentials that do not allow this operation, e.g. a key without the needed scope. */
public final class Forbidden extends ApiException {

  public Forbidden(String code, String detail) {
    super(code, detail, List.of());
  }
}
