package dev.mark.analytics.narrative;

import java.util.Map;

/**
 * One sentence of a narrative.
 *
 * @param values the numbers and names behind the text, unformatted (numbers to 12 significant
 *     digits), in a fixed order
 * @param importance from 0 to 1, by the formula of its kind in {@link Catalogue}
 */
public record Statement(StatementKind kind, String text, Map<String, Object> values, double importance) {

  public Statement {
    values = Values.rounded(values);
  }
}
