package dev.mark.platform.errors;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The path exists but not with this method; {@link #allowed()} feeds the Allow header. */
public final class MethodNotAllowed extends ApiException {

  /** The HTTP status of every {@code MethodNotAllowed}; its codes are those of this status. */
  public static final int STATUS = 405;

  private final SortedSet<String> allowed;

  public MethodNotAllowed(String method, String path, Set<String> allowed) {
    super(STATUS, ProblemCode.METHOD_NOT_ALLOWED,
        method + " is not allowed on " + path + "; allowed: " + String.join(", ", new TreeSet<>(allowed)) + ".",
        List.of());
    // sorted, so that the Allow header reads the same every time
    this.allowed = Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
  }

  public SortedSet<String> allowed() {
    return allowed;
  }
}
