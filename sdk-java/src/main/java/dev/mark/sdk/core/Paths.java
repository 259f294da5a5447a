package dev.mark.sdk.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

final class Paths {
  private Paths() {}

  /**
   * The contract's path with each {@code {name}} placeholder replaced, in order, by a value,
   * escaped so that no input (an ID holding {@code ../} or {@code ?}) can reach another route.
   */
  static String expand(String template, Object... values) {
    StringBuilder path = new StringBuilder(template.length() + 32);
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '{') {
        path.append(c);
        continue;
      }
      int end = template.indexOf('}', i);
      if (next >= values.length || values[next] == null) {
        throw new IllegalArgumentException("Mark: " + template.substring(i + 1, end) + " must be given");
      }
      path.append(URLEncoder.encode(String.valueOf(values[next++]), StandardCharsets.UTF_8).replace("+", "%20"));
      i = end;
    }
    return path.toString();
  }
}
