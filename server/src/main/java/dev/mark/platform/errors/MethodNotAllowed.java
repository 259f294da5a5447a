package dev.mark.platform.errors;

import java.util.List;
import java.util.Set;

/** The path exists but not with this method; {@link #allowed()} feeds the Allow header. */
public final class MethodNotAllowed extends ApiException {

  private final Set<String> allowed;

  public MethodNotAllowed(String method, String path, Set<String> allowed) {
    super("method_not_allowed",
        method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed) + ".",
        List.of());
    this.allowed = Set.copyOf(allowed);
  }

  public Set<String> allowed() {
    return allowed;
  }
}
