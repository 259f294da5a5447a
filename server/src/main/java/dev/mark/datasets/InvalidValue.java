package dev.mark.datasets;

/**
 * A value that does not fit its column. Checked and without a stack trace: one bad cell in a
 * large upload is an expected outcome, not a failure to debug.
 */
public final class InvalidValue extends Exception {

  private final String code;

  public InvalidValue(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The rule broken: {@code type}, {@code required}, {@code out_of_range}, {@code invalid_character}. */
  public String code() {
    return code;
  }
}
