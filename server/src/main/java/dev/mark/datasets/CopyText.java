package dev.mark.datasets;

/**
 * Rows in PostgreSQL's COPY text format: tab between cells, newline after each row, {@code \N}
 * for null. Cells arrive already escaped ({@link CopyCells}). Rows go to the sink in chunks, so
 * that PostgreSQL stores the first rows while the last are still being checked. See
 * https://www.postgresql.org/docs/current/sql-copy.html (Text Format).
 */
final class CopyText {

  private static final int CHUNK_CHARS = 256 * 1024;

  private final CopySink sink;
  private final StringBuilder out = new StringBuilder(CHUNK_CHARS + 4096);

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
    if (out.length() >= CHUNK_CHARS) {
      flush();
    }
  }

  void flush() {
    if (!out.isEmpty()) {
      sink.write(out.toString());
      out.setLength(0);
    }
  }
}
