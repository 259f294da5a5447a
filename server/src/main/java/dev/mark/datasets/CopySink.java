package dev.mark.datasets;

/** Where COPY text goes as it is produced: straight into PostgreSQL, while the rest is read. */
@FunctionalInterface
interface CopySink {

  /** Sends a chunk of whole rows. */
  void write(String rows);
}
