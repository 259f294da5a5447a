package dev.mark.platform.errors;

import java.util.List;

/** The request conflicts with the state of the resource or with a request in progress. */
public final class Conflict extends ApiException {

  public Conflict(String code, String detail) {
    super(code, detail, List.of());
  }
}
