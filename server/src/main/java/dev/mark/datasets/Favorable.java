package dev.mark.datasets;

/** Which direction of a column's change is good news; charts and narratives use it. */
public enum Favorable {
  UP, DOWN, NONE;

  /** The name used in the API and in storage, e.g. {@code up}. */
  public String apiName() {
    return name().toLowerCase();
  }

  public static Favorable fromApiName(String name) {
    return valueOf(name.toUpperCase());
  }
}
