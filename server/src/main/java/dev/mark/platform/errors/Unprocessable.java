package dev.mark.platform.errors;

import java.util.List;

/** The request matches the contract but cannot be carried out, e.g. duplicate column names. */
public final class Unprocessable extends ApiException {

  public Unprocessable(String code, String detail, List<FieldIssue> issues) {
    super(code, detail, issues);
  }

  public Unprocessable(String code, String detail) {
    this(code, detail, List.of());
  }
}
