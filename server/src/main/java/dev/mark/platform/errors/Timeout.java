package dev.mark.platform.errors;

import java.util.List;

/** Work the caller asked for ran out of the time the server allows it (a 504). */
public final class Timeout extends ApiException {

  public Timeout(String code, String detail) {
    super(code, detail, List.of());
  }
}
