package dev.mark.platform.contract;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A path template of the contract, e.g. {@code /v1/datasets/{dataset_id}}, as a matcher. */
record PathTemplate(String template, Pattern pattern) {

  PathTemplate(String template) {
    this(template, Pattern.compile(toRegex(template)));
  }

  boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  private static String toRegex(String template) {
    return Arrays.stream(template.split("/", -1))
        .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
        .collect(Collectors.joining("/"));
  }
}
