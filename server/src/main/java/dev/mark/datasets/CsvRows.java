package dev.mark.datasets;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.mark.platform.errors.ApiException;
import dev.mark.platform.errors.FieldIssue;
import dev.mark.platform.errors.PayloadTooLarge;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.Unprocessable;
import dev.mark.platform.json.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rows sent as CSV (RFC 4180; a header row naming the columns, in any order and any
 * subset; an empty field is null) into a {@link RowBatchBuilder}. Pointers name the data row
 * from 0, like JSON rows, and messages add the CSV line.
 */
final class CsvRows {

  private CsvRows() {}

  /** @return how many rows were sent; throws {@code Unprocessable} if any is invalid */
  static int copy(List<ColumnSpec> columns, InputStream csv, int maxRows, CopySink sink) {
    // the data row being read, or -1 for the header
    int row = -1;
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .detectBomHeader(true)
        .skipEmptyLines(true)
        // rows with too few or too many fields are reported per row, below
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(new StrictUtf8(csv), StandardCharsets.UTF_8)) {
      var records = reader.iterator();
      if (!records.hasNext()) {
        throw invalid("/header", "required", "the CSV has no header row");
      }
      int[] columnOfField = header(columns, records.next());
      RowBatchBuilder batch = new RowBatchBuilder(columns, sink);
      row = 0;
      while (records.hasNext() && !batch.isFull()) {
        if (row == maxRows) {
          throw new PayloadTooLarge(ProblemCode.TOO_MANY_ROWS, "One request may add at most " + maxRows + " rows.");
        }
        CsvRecord record = records.next();
        readRow(batch, columnOfField, record, row);
        row++;
      }
      return batch.finish();
    } catch (CsvParseException | UncheckedIOException e) {
      // the body's own stream refused to read on (too large once inflated, broken gzip)
      if (e.getCause() instanceof ApiException refused) {
        throw refused;
      }
      if (e.getCause() instanceof StrictUtf8.Malformed malformed) {
        throw notUtf8(malformed, row);
      }
      if (e instanceof UncheckedIOException unchecked) {
        throw unchecked;
      }
      throw invalid("", "malformed_csv", "the body is not valid CSV: " + e.getMessage());
    } catch (StrictUtf8.Malformed e) {
      throw notUtf8(e, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first byte that is not UTF-8, in {@code row} (the one being read when it came up, as
   * {@link StrictUtf8} hands out every byte before it first), by CSV line and column.
   */
  private static Unprocessable notUtf8(StrictUtf8.Malformed e, int row) {
    return invalid(row < 0 ? "/header" : "/rows/" + row, "malformed_utf8",
        "is not UTF-8 (CSV line " + e.line() + ", column " + e.column() + ")");
  }

  private static void readRow(RowBatchBuilder batch, int[] columnOfField, CsvRecord record, int row) {
    String prefix = "/rows/" + row;
    String where = " (CSV line " + record.getStartingLineNumber() + ")";
    if (record.getFieldCount() != columnOfField.length) {
      batch.issue(prefix, "field_count",
          "has " + record.getFieldCount() + " fields, the header " + columnOfField.length + where);
    } else {
      for (int field = 0; field < columnOfField.length; field++) {
        ColumnSpec column = batch.columns().get(columnOfField[field]);
        try {
          batch.set(columnOfField[field], CopyCells.fromText(column.type(), record.getField(field)));
        } catch (InvalidValue e) {
          batch.issue(prefix + "/" + column.name(), e.code(), e.getMessage() + where);
        }
      }
    }
    batch.endRow(prefix, where);
  }

  /** For each field of the header, the index of its column; every problem reported at once. */
  private static int[] header(List<ColumnSpec> columns, CsvRecord header) {
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i).name(), i);
    }
    List<FieldIssue> issues = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int[] columnOfField = new int[header.getFieldCount()];
    for (int field = 0; field < header.getFieldCount(); field++) {
      String name = header.getField(field).trim();
      Integer index = indexByName.get(name);
      if (index == null) {
        issues.add(FieldIssue.body("/header/" + field, "unknown_column", "the dataset has no column " + name));
      } else if (!seen.add(name)) {
        issues.add(FieldIssue.body("/header/" + field, "duplicate", name + " is named twice"));
      } else {
        columnOfField[field] = index;
      }
    }
    for (ColumnSpec column : columns) {
      if (column.required() && !seen.contains(column.name())) {
        issues.add(FieldIssue.body("/header", "required", "the required column " + column.name() + " is missing"));
      }
    }
    if (!issues.isEmpty()) {
      throw new Unprocessable(ProblemCode.INVALID_ROWS, "The CSV header does not fit the dataset; no row was written.", issues);
    }
    return columnOfField;
  }

  private static Unprocessable invalid(String pointer, String code, String message) {
    return new Unprocessable(ProblemCode.INVALID_ROWS, "The CSV cannot be read; no row was written.",
        List.of(FieldIssue.body(pointer, code, message)));
  }
}
