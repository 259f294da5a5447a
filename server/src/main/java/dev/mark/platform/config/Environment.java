package dev.mark.platform.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The environment, read only through {@link Variable} declarations: a variable's value, trimmed
 * (blank counts as unset), or else its declared default, parsed with a message that names the
 * variable when it is malformed.
 */
final class Environment {

  private final Map<String, String> values;

  Environment(Map<String, String> values) {
    this.values = values;
  }

  /** The value, or the default; empty when the variable has neither. */
  Optional<String> text(Variable variable) {
    String raw = values.get(variable.name());
    return raw == null || raw.isBlank() ? variable.defaultValue() : Optional.of(raw.trim());
  }

  /** A variable with a default, as a whole number. */
  long whole(Variable variable) {
    return parseLong(variable, text(variable).orElseThrow());
  }

  /** A variable with a default, as a whole number that fits an {@code int}. */
  int integer(Variable variable) {
    return optionalInteger(variable).orElseThrow();
  }

  /** A whole number that fits an {@code int}, if the variable is set or has a default. */
  OptionalInt optionalInteger(Variable variable) {
    Optional<String> text = text(variable);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    long value = parseLong(variable, text.get());
    if (value != (int) value) {
      throw new ConfigException(variable + " is out of range, got " + value);
    }
    return OptionalInt.of((int) value);
  }

  Duration seconds(Variable variable) {
    return Duration.ofSeconds(whole(variable));
  }

  Duration millis(Variable variable) {
    return Duration.ofMillis(whole(variable));
  }

  private static long parseLong(Variable variable, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(variable + " must be a whole number, got '" + text + "'");
    }
  }
}
