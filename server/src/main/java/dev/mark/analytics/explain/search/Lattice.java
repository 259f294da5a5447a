package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lattice of dimension combinations over the leaves: every cuboid (a set of dimensions) up to
 * a depth, each leaf's cell (its combination of values) in every cuboid, and which cell of a
 * cuboid holds each cell of a cuboid one dimension deeper. Only cells that hold leaves exist.
 */
final class Lattice {
  final int leafCount;
  final int[][] codes; // codes[dimension][leaf]: the value's number, null included
  final List<int[]> cuboids = new ArrayList<>(); // dimensions of each cuboid, ascending
  final List<int[]> leafCells = new ArrayList<>(); // leafCells.get(cuboid)[leaf]
  final List<int[]> cellLeaf = new ArrayList<>(); // one leaf of each cell, to recover its values
  private final Map<Long, Integer> cuboidByMask = new HashMap<>();
  private final Map<Long, int[]> parents = new HashMap<>();

  Lattice(int[][] codes, int[] cardinalities, List<Integer> usable, int depth) {
    this.codes = codes;
    this.leafCount = codes.length == 0 ? 0 : codes[0].length;
    addCuboids(usable, depth, cardinalities);
  }

  int cellCount(int cuboid) {
    return cellLeaf.get(cuboid).length;
  }

  long mask(int cuboid) {
    long mask = 0;
    for (int d : cuboids.get(cuboid)) {
      mask |= 1L << d;
    }
    return mask;
  }

  /** The cuboid of these dimensions, or -1 when it is deeper than the lattice. */
  int cuboidOf(long mask) {
    return cuboidByMask.getOrDefault(mask, -1);
  }

  /** For each cell of {@code child}, its cell in {@code parent}, a cuboid of one dimension fewer. */
  int[] parentCells(int child, int parent) {
    return parents.computeIfAbsent(((long) child << 32) | parent, key -> {
      int[] reps = cellLeaf.get(child);
      int[] up = leafCells.get(parent);
      int[] result = new int[reps.length];
      for (int c = 0; c < reps.length; c++) {
        result[c] = up[reps[c]];
      }
      return result;
    });
  }

  private void addCuboids(List<Integer> usable, int depth, int[] cardinalities) {
    List<int[]> level = new ArrayList<>();
    level.add(new int[0]);
    for (int size = 0; size <= depth && !level.isEmpty(); size++) {
      List<int[]> next = new ArrayList<>();
      for (int[] dims : level) {
        addCuboid(dims, cardinalities);
        int last = dims.length == 0 ? -1 : dims[dims.length - 1];
        for (int d : usable) {
          if (d > last) {
            int[] deeper = java.util.Arrays.copyOf(dims, dims.length + 1);
            deeper[dims.length] = d;
            next.add(deeper);
          }
        }
      }
      level = next;
    }
  }

  private void addCuboid(int[] dims, int[] cardinalities) {
    DenseKeys keys = new DenseKeys(Math.min(leafCount, 1 << 16));
    int[] cells = new int[leafCount];
    List<Integer> reps = new ArrayList<>();
    for (int leaf = 0; leaf < leafCount; leaf++) {
      long key = 0;
      for (int d : dims) {
        key = key * cardinalities[d] + codes[d][leaf];
      }
      int id = keys.idOf(key);
      if (id == reps.size()) {
        reps.add(leaf);
      }
      cells[leaf] = id;
    }
    long mask = 0;
    for (int d : dims) {
      mask |= 1L << d;
    }
    cuboidByMask.put(mask, cuboids.size());
    cuboids.add(dims);
    leafCells.add(cells);
    cellLeaf.add(reps.stream().mapToInt(Integer::intValue).toArray());
  }
}
