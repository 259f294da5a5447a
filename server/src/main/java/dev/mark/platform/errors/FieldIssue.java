package dev.mark.platform.errors;

/**
 * One invalid part of a request.
 *
 * @param location which part of the request holds it
 * @param pointer a JSON pointer inside that part: {@code /columns/2/type} in the body,
 *     {@code /limit} for a query parameter
 * @param code the rule broken, e.g. {@code required}, {@code type}, {@code unknown_property}
 * @param message what is wrong, for a human
 */
public record FieldIssue(Location location, String pointer, String code, String message) {

  /** The part of a request that a {@link FieldIssue} points into. */
  public enum Location {
    BODY, QUERY, PATH, HEADER
  }

  public static FieldIssue body(String pointer, String code, String message) {
    return new FieldIssue(Location.BODY, pointer, code, message);
  }
}
