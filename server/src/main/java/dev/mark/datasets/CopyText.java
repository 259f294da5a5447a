package dev.mark.datasets;

/**
 * Rows in PostgreSQL's COPY text format: tab between cells, newline after each row, {@code \N}
 * for null. Cells arrive already escaped ({@link CopyCells}). Rows go to the sink in chunks, so
 * that PostgreSQL stores the first rows while the last are still being checked; but the first
 * {@link #HOLD_CHARS} are held back, so that a request refused early (at its row cap, on an
 * invalid value) has cost PostgreSQL nothing, as a body of a hundred thousand empty rows would.
 * See https://www.postgresql.org/docs/current/sql-copy.html (Text Format).
 */
final class CopyText {

  private static final int CHUNK_CHARS = 256 * 1024;
  /** Rows held back before the first chunk goes out: 100,000 rows of six null cells fit. */
  private static final int HOLD_CHARS = 8 * 1024 * 1024;

  private final CopySink sink;
  private final StringBuilder out = new StringBuilder(CHUNK_CHARS + 4096);
  private boolean sending;

  CopyText(CopySink sink) {
    this.sink = sink;
  }

  void row(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(cells[i] == null ? "\\N" : cells[i]);
    }
    out.append('\n');
    if (out.length() >= (sending ? CHUNK_CHARS : HOLD_CHARS)) {
      flush();
    }
  }

  void flush() {
    if (!out.isEmpty()) {
      sink.write(out.toString());
      out.setLength(0);
      sending = true;
    }
  }
}
