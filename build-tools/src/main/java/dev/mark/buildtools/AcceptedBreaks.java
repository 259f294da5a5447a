package dev.mark.buildtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reviewed list of intentional breaks of the released contract ({@code
 * openapi/accepted-breaks.yaml}): each names an operation, the part of it that breaks (as
 * {@link ContractBreaks} names them) and why. A break is accepted only when listed exactly; an
 * entry whose break no longer occurs is an error too, so the list is emptied when a contract is
 * released and cannot quietly accept a later break.
 */
final class AcceptedBreaks {

  private final Set<ContractBreaks.Break> accepted;

  private AcceptedBreaks(Set<ContractBreaks.Break> accepted) {
    this.accepted = accepted;
  }

  static AcceptedBreaks none() {
    return new AcceptedBreaks(Set.of());
  }

  /**
   * Reads {@code breaks: [{operation, part, why}]}.
   *
   * @throws IllegalArgumentException naming the entry that lacks a field, or whose why is blank
   */
  static AcceptedBreaks read(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      Set<ContractBreaks.Break> accepted = new LinkedHashSet<>();
      JsonNode breaks = root == null ? null : root.get("breaks");
      if (breaks == null || !breaks.isArray()) {
        throw new IllegalArgumentException(file + ": expected a top-level list 'breaks'");
      }
      for (int i = 0; i < breaks.size(); i++) {
        JsonNode entry = breaks.get(i);
        accepted.add(new ContractBreaks.Break(text(file, i, entry, "operation"), text(file, i, entry, "part")));
        text(file, i, entry, "why");
      }
      return new AcceptedBreaks(Set.copyOf(accepted));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** What a diff's breaks come to against this list: nothing in either list means compatible. */
  Verdict judge(List<ContractBreaks.Break> breaks) {
    List<ContractBreaks.Break> unaccepted = new ArrayList<>();
    for (ContractBreaks.Break b : breaks) {
      if (!accepted.contains(b)) {
        unaccepted.add(b);
      }
    }
    List<ContractBreaks.Break> stale = accepted.stream().filter(b -> !breaks.contains(b)).toList();
    return new Verdict(List.copyOf(unaccepted), stale);
  }

  /** Breaks that are not listed, and listed breaks that do not occur. */
  record Verdict(List<ContractBreaks.Break> unaccepted, List<ContractBreaks.Break> stale) {
    boolean passes() {
      return unaccepted.isEmpty() && stale.isEmpty();
    }
  }

  private static String text(Path file, int index, JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(file + ": breaks[" + index + "] needs a '" + field + "'");
    }
    return value.asText().strip();
  }
}
