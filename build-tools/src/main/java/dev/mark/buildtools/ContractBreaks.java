package dev.mark.buildtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The breaking changes of a diff, each named by where it is: an operation ({@code POST
 * /v1/auth/signup}) and the part of it that breaks ({@code responses}, {@code request body},
 * {@code parameters}, {@code security}, {@code extensions}, {@code operation}, or {@code removed}
 * for a removed operation); a break outside every operation is named by the operation
 * {@code document}. Fine enough that accepting one break of an operation does not accept the
 * others.
 */
final class ContractBreaks {

  /** One break. */
  record Break(String operation, String part) {
    @Override
    public String toString() {
      return operation + ": " + part;
    }
  }

  private ContractBreaks() {}

  static List<Break> of(ChangedOpenApi diff) {
    List<Break> breaks = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      breaks.add(new Break(name(missing.getMethod().name(), missing.getPathUrl()), "removed"));
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      if (operation.isIncompatible()) {
        breaks.addAll(of(operation));
      }
    }
    if (diff.getChangedExtensions() != null && diff.getChangedExtensions().isIncompatible()) {
      breaks.add(new Break("document", "extensions"));
    }
    if (breaks.isEmpty() && diff.isIncompatible()) {
      // an incompatibility this class cannot place: never let it pass as accepted
      breaks.add(new Break("document", "unplaced"));
    }
    return List.copyOf(breaks);
  }

  private static List<Break> of(ChangedOperation operation) {
    String name = name(operation.getHttpMethod().name(), operation.getPathUrl());
    List<Break> breaks = new ArrayList<>();
    addIf(breaks, name, "operation", operation.isCoreChanged().isIncompatible());
    addIf(breaks, name, "parameters", incompatible(operation.getParameters()));
    addIf(breaks, name, "request body", operation.resultRequestBody().isIncompatible());
    addIf(breaks, name, "responses", operation.resultApiResponses().isIncompatible());
    addIf(breaks, name, "security", operation.resultSecurityRequirements().isIncompatible());
    addIf(breaks, name, "extensions", incompatible(operation.getExtensions()));
    if (breaks.isEmpty()) {
      breaks.add(new Break(name, "unplaced"));
    }
    return breaks;
  }

  private static void addIf(List<Break> breaks, String operation, String part, boolean broken) {
    if (broken) {
      breaks.add(new Break(operation, part));
    }
  }

  private static boolean incompatible(Changed changed) {
    return changed != null && changed.isIncompatible();
  }

  private static String name(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
