package dev.mark.datasets;

import java.util.Optional;

/**
 * What a dataset's owner says about a column beyond its type: none of it changes how rows are
 * stored or queried, all of it changes how answers are told (titles, number formats, whether a
 * change is good news).
 *
 * @param description the column's content in words
 * @param unit an ISO 4217 currency code, {@code percent}, {@code fraction}, or a free label
 * @param favorable which direction of change is good news
 */
public record ColumnNotes(Optional<String> description, Optional<String> unit, Favorable favorable) {

  /** A column about which nothing was said. */
  public static final ColumnNotes NONE = new ColumnNotes(Optional.empty(), Optional.empty(), Favorable.NONE);
}
