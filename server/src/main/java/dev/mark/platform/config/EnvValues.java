package dev.mark.platform.config;

import java.util.Map;

/** Reads typed values from environment variables, naming the variable when one is malformed. */
final class EnvValues {

  private EnvValues() {}

  static long longValue(Map<String, String> env, String name, long fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
    }
  }
}
