package dev.mark.platform.errors;

import java.util.List;

/** The request body is larger than the configured limit. */
public final class PayloadTooLarge extends ApiException {

  public PayloadTooLarge(String code, String detail) {
    super(code, detail, List.of());
  }
}
