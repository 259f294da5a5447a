package dev.mark.analytics.explain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lattice of dimension combinations over the leaves: every cuboid (a set of dimensions) up to
 * a depth, shallowest first, and each leaf's cell (its combination of values) in every cuboid.
 * Only cells that hold leaves exist, so a dimension of many values costs no more than its leaves.
 */
final class Lattice {
  final int leafCount;
  final int[][] codes; // codes[dimension][leaf]: the value's number, null included
  final List<int[]> cuboids = new ArrayList<>(); // dimensions of each cuboid, ascending
  final List<int[]> leafCells = new ArrayList<>(); // leafCells.get(cuboid)[leaf]
  final List<int[]> cellLeaf = new ArrayList<>(); // one leaf of each cell, to recover its values

  private final int[] bits; // bits[dimension]: its place among the searched dimensions

  Lattice(int[][] codes, int[] cardinalities, List<Integer> usable, int depth) {
    if (usable.size() > 64) {
      throw new IllegalArgumentException("at most 64 dimensions are searched, not " + usable.size());
    }
    this.codes = codes;
    this.bits = new int[codes.length];
    for (int k = 0; k < usable.size(); k++) {
      bits[usable.get(k)] = k;
    }
    this.leafCount = codes.length == 0 ? 0 : codes[0].length;
    addCuboids(usable, depth, cardinalities);
  }

  int cellCount(int cuboid) {
    return cellLeaf.get(cuboid).length;
  }

  /** The cuboid's dimensions as bits, one per searched dimension (there are at most 64). */
  long mask(int cuboid) {
    long mask = 0;
    for (int d : cuboids.get(cuboid)) {
      mask |= 1L << bits[d];
    }
    return mask;
  }

  private void addCuboids(List<Integer> usable, int depth, int[] cardinalities) {
    addCuboid(new int[0], -1, cardinalities);
    List<Integer> level = List.of(0);
    for (int size = 1; size <= depth && !level.isEmpty(); size++) {
      List<Integer> next = new ArrayList<>();
      for (int parent : level) {
        int[] dims = cuboids.get(parent);
        int last = dims.length == 0 ? -1 : dims[dims.length - 1];
        for (int d : usable) {
          if (d > last) {
            int[] deeper = Arrays.copyOf(dims, dims.length + 1);
            deeper[dims.length] = d;
            next.add(addCuboid(deeper, parent, cardinalities));
          }
        }
      }
      level = next;
    }
  }

  /**
   * Numbers the cells of a cuboid from its parent's cells (the cuboid without its last
   * dimension): parent cell × cardinality + value never overflows, however many dimensions.
   */
  private int addCuboid(int[] dims, int parent, int[] cardinalities) {
    DenseKeys keys = new DenseKeys(64);
    int[] cells = new int[leafCount];
    int[] reps = new int[leafCount];
    int[] parentCells = parent < 0 ? null : leafCells.get(parent);
    int last = dims.length == 0 ? -1 : dims[dims.length - 1];
    int seen = 0;
    for (int leaf = 0; leaf < leafCount; leaf++) {
      long key = parentCells == null ? 0 : (long) parentCells[leaf] * cardinalities[last] + codes[last][leaf];
      int id = keys.idOf(key);
      if (id == seen) { // a new cell: this leaf stands for it
        reps[seen++] = leaf;
      }
      cells[leaf] = id;
    }
    cuboids.add(dims);
    leafCells.add(cells);
    cellLeaf.add(Arrays.copyOf(reps, seen));
    return cuboids.size() - 1;
  }
}
