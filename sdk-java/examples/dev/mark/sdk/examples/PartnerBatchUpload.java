package dev.mark.sdk.examples;

import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.core.MarkException;
import dev.mark.sdk.core.RequestOptions;
import dev.mark.sdk.core.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner system's nightly export, pushed into a Mark dataset in batches of CSV lines.
 *
 * <p>Each batch's Idempotency-Key is derived from the export's name and the batch's number, so
 * that running the whole upload again after a crash (within the server's 24 hours) replays the
 * batches already sent instead of writing their rows twice. Within one run the client retries
 * network errors, 429 and 5xx on its own.
 *
 * <p>Run: {@code MARK_API_KEY=mk_… java PartnerBatchUpload.java ds_… orders-2026-11-22.csv}
 */
public final class PartnerBatchUpload {
  static final int BATCH_LINES = 10_000;

  private final MarkClient mark;

  public PartnerBatchUpload(MarkClient mark) {
    this.mark = mark;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PartnerBatchUpload <dataset id> <file.csv>");
      System.exit(2);
    }
    MarkClient mark = MarkClient.builder().build(); // MARK_API_KEY and MARK_BASE_URL
    long rows = new PartnerBatchUpload(mark).upload(args[0], Path.of(args[1]), BATCH_LINES);
    System.out.println("uploaded " + rows + " rows");
  }

  /** Sends the file in batches of {@code batchLines} data lines; returns the rows the server accepted. */
  public long upload(String datasetId, Path csv, int batchLines) throws IOException {
    long inserted = 0;
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      List<String> batch = new ArrayList<>();
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        batch.add(line);
        if (batch.size() == batchLines) {
          inserted += send(datasetId, csv, number++, header, batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        inserted += send(datasetId, csv, number, header, batch);
      }
    }
    return inserted;
  }

  private long send(String datasetId, Path csv, int number, String header, List<String> lines) {
    String key = "upload-" + datasetId + "-" + csv.getFileName() + "-" + number;
    String body = header + "\n" + String.join("\n", lines) + "\n";
    try {
      return mark.rows()
          .ingestCsv(datasetId, body, RequestOptions.builder().idempotencyKey(key).build())
          .data()
          .getInserted();
    } catch (ValidationException e) {
      // nothing of this batch was written: report each bad value, with its row in the batch
      e.errors().forEach(f -> System.err.println("batch " + number + " " + f.getPointer() + ": " + f.getMessage()));
      throw e;
    } catch (MarkException e) {
      System.err.println("batch " + number + " failed (request " + e.requestId().orElse("?") + "): " + e.getMessage());
      throw e;
    }
  }
}
