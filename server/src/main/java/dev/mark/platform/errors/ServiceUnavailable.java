package dev.mark.platform.errors;

import java.util.List;

/** The service cannot take traffic now (shutting down, or its database does not answer). */
public final class ServiceUnavailable extends ApiException {

  public ServiceUnavailable(String code, String detail) {
    super(code, detail, List.of());
  }
}
