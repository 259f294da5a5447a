package dev.mark.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mark.sdk.core.MarkClient;
import dev.mark.sdk.examples.PartnerBatchUpload;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The example in sdk-java/examples runs against the live server, and a rerun writes nothing twice. */
@ExtendWith(LiveServerExtension.class)
class PartnerBatchUploadTest {

  @Test
  void uploadsAFileInBatchesAndARerunReplaysInsteadOfDuplicating(LiveServer server, @TempDir Path dir) throws Exception {
    MarkClient mark = server.client().apiKey(server.apiKey()).build();
    Dataset ds = mark.datasets().create(new CreateDatasetRequest().name("Export").columns(List.of(
        new Column().name("sku").type(ColumnType.STRING),
        new Column().name("quantity").type(ColumnType.INTEGER)))).data();
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, "sku,quantity\n"
        + IntStream.range(0, 250).mapToObj(i -> "sku-" + i + "," + i).collect(Collectors.joining("\n")) + "\n");
    PartnerBatchUpload upload = new PartnerBatchUpload(mark);

    assertThat(upload.upload(ds.getId(), csv, 100)).isEqualTo(250);
    assertThat(upload.upload(ds.getId(), csv, 100)).isEqualTo(250); // replayed answers

    assertThat(mark.datasets().retrieve(ds.getId()).data().getRowCount()).isEqualTo(250);
  }
}
