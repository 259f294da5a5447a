package dev.mark.platform.errors;

import java.util.List;

/** The body is not in a media type the operation accepts. */
public final class UnsupportedMediaType extends ApiException {

  public UnsupportedMediaType(String code, String detail) {
    super(code, detail, List.of());
  }
}
