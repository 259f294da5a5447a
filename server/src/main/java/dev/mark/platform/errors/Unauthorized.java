package dev.mark.platform.errors;

import java.util.List;

/** No valid credentials were sent; the detail says what to send. */
public final class Unauthorized extends ApiException {

  public Unauthorized(String code, String detail) {
    super(code, detail, List.of());
  }
}
