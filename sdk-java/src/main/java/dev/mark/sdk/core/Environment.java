package dev.mark.sdk.core;

/**
 * The environment a session acts in, sent as {@code Mark-Environment}. An API key acts in its
 * own environment only: naming another is a {@code 403 environment_mismatch}.
 */
public enum Environment {
  TEST("test"),
  LIVE("live");

  private final String value;

  Environment(String value) {
    this.value = value;
  }

  /** The header's value: {@code test} or {@code live}. */
  public String value() {
    return value;
  }
}
