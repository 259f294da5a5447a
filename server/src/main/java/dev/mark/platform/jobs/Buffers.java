package dev.mark.platform.jobs;

import java.util.HashMap;
import java.util.Map;

/** Helpers for counters buffered in a concurrent map between two flushes. */
public final class Buffers {

  private Buffers() {}

  /**
   * Takes every entry out of {@code buffer} and returns them. Entries added meanwhile are either
   * taken or left for the next drain, never lost.
   */
  public static <K, V> Map<K, V> drain(Map<K, V> buffer) {
    Map<K, V> taken = new HashMap<>();
    for (K key : buffer.keySet()) {
      V value = buffer.remove(key);
      if (value != null) {
        taken.put(key, value);
      }
    }
    return taken;
  }
}
