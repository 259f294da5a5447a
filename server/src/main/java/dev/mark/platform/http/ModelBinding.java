package dev.mark.platform.http;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.json.JsonValueChecks;
import java.time.temporal.Temporal;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a request value, already valid against the contract, into the type its handler takes.
 * The contract cannot say all that Java refuses (an offset beyond ±18:00 or a fraction finer than
 * nanoseconds in a date-time, an integer beyond 64 bits where a schema sets no bounds), so a
 * valid value can still fail here. That failure is the caller's: a 400 naming the value by
 * pointer, never a 500. Only Jackson's reading errors are the caller's; an error in the
 * model's own definition is a bug and stays one. Thread-safe.
 */
final class ModelBinding {

  private ModelBinding() {}

  /**
   * {@code value} as a {@code type}.
   *
   * @param pointer the pointer of {@code value} itself within {@code location}
   * @throws BadRequest {@code validation_failed}, naming the innermost value Jackson could not read
   */
  static <T> T read(ObjectMapper mapper, JsonNode value, Class<T> type,
      FieldIssue.Location location, String pointer) {
    try {
      return mapper.treeToValue(value, type);
    } catch (InvalidDefinitionException e) {
      throw e;
    } catch (JacksonException e) {
      throw BadRequest.validation(List.of(issue(e, location, pointer)));
    }
  }

  /** The issue of a value Jackson could not read, at the pointer its path leads to. */
  static FieldIssue issue(JacksonException e, FieldIssue.Location location, String pointer) {
    String at = pointer + pointerOf(e.getPath());
    Class<?> target = targetType(e);
    if (e instanceof InputCoercionException || isNumber(target)) {
      return new FieldIssue(location, at, "out_of_range", "is beyond " + describe(target));
    }
    if (target != null && Temporal.class.isAssignableFrom(target)) {
      return new FieldIssue(location, at, "format", "must be a date-time the server can hold: an offset "
          + "within ±18:00, seconds up to 59 and at most 9 digits of fraction");
    }
    return new FieldIssue(location, at, e instanceof InvalidFormatException ? "format" : "type",
        "cannot be read as " + describe(target));
  }

  /** Jackson's path ({@code items[0].from}) as a JSON pointer ({@code /items/0/from}). */
  static String pointerOf(List<JacksonException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        pointer.append('/').append(JsonValueChecks.pointerToken(reference.getPropertyName()));
      } else if (reference.getIndex() >= 0) {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static Class<?> targetType(JacksonException e) {
    if (e instanceof MismatchedInputException mismatched) {
      return mismatched.getTargetType();
    }
    return e instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
  }

  private static boolean isNumber(Class<?> type) {
    return type != null && (Number.class.isAssignableFrom(type)
        || type == int.class || type == long.class || type == short.class || type == byte.class);
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a 32-bit integer";
    }
    if (type == long.class || type == Long.class) {
      return "a 64-bit integer";
    }
    if (type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
      return "the integers taken here";
    }
    if (type != null && Number.class.isAssignableFrom(type)) {
      return "the numbers taken here";
    }
    return "the type this field takes";
  }
}
