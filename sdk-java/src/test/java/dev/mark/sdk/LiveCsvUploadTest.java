package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.sdk.core.ListParams;
import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A partner's CSV export sent as a stream or a file, plain or gzipped, and read back in pages. */
@ExtendWith(LiveServerExtension.class)
class LiveCsvUploadTest {

  @Test
  void csvFromAStreamAndFromAGzippedFileIsIngestedAndReadBackExactly(LiveServer server, @TempDir Path dir)
      throws IOException {
    MarkClient mark = server.client().apiKey(server.apiKey()).build();
    String id = mark.datasets().create(new CreateDatasetRequest().name("CSV export").columns(List.of(
        new Column().name("sku").type(ColumnType.STRING),
        new Column().name("price").type(ColumnType.NUMBER)))).data().getId();
    Path gzipped = dir.resolve("export.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      out.write(csv(1000, 2000).getBytes(StandardCharsets.UTF_8));
    }

    long fromStream = mark.rows().ingestCsv(id, new ByteArrayInputStream(csv(0, 1000).getBytes(StandardCharsets.UTF_8)))
        .data().getInserted();
    long fromFile = mark.rows().ingestCsv(id, gzipped).data().getInserted();

    assertThat(fromStream).isEqualTo(1000);
    assertThat(fromFile).isEqualTo(1000);
    List<Map<String, Object>> rows = mark.rows().list(id, ListParams.limit(700)).stream().collect(Collectors.toList());
    assertThat(rows).hasSize(2000);
    assertThat(rows.get(1999)).containsEntry("sku", "sku-1999").containsEntry("price", new BigDecimal("1999.99"));
  }

  private static String csv(int from, int to) {
    return "sku,price\n" + IntStream.range(from, to).mapToObj(i -> "sku-" + i + "," + i + ".99\n").collect(Collectors.joining());
  }
}
