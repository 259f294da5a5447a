package dev.mark.analytics.explain.search;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2… in the order they are first seen: an open-addressing
 * map, because boxing a key per leaf and cuboid would cost more than the search itself.
 */
final class DenseKeys {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] ids;
  private int size;

  DenseKeys(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    ids = new int[capacity];
    Arrays.fill(keys, EMPTY);
  }

  int size() {
    return size;
  }

  /** The key's number, given the next free one when the key is new. */
  int idOf(long key) {
    int mask = keys.length - 1;
    int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    ids[slot] = size;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }
}
