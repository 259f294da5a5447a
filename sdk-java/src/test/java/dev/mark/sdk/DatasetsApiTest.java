package dev.mark.sdk;

import static dev.mark.sdk.GeneratedClients.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mark.sdk.api.DatasetsApi;
import dev.mark.sdk.client.ApiException;
import dev.mark.sdk.model.Column;
import dev.mark.sdk.model.ColumnType;
import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import dev.mark.sdk.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated {@link DatasetsApi} against the real server. */
@ExtendWith(LiveServerExtension.class)
class DatasetsApiTest {

  @Test
  void aCreatedDatasetIsListedAndFetchedUntilItIsDeleted(LiveServer server) throws Exception {
    DatasetsApi datasets = new DatasetsApi(GeneratedClients.withApiKey(server, server.apiKey()));
    CreateDatasetRequest request =
        new CreateDatasetRequest()
            .name("Revenue by region")
            .columns(
                List.of(
                    new Column().name("region").type(ColumnType.STRING),
                    new Column().name("revenue").type(ColumnType.NUMBER)));

    Dataset created = datasets.createDataset(request, null);

    assertThat(created.getId()).startsWith("ds_");
    assertThat(created.getName()).isEqualTo("Revenue by region");
    assertThat(created.getColumns()).isEqualTo(request.getColumns());
    assertThat(created.getRowCount()).isZero();
    assertThat(created.getCreatedAt()).isNotNull();
    assertThat(datasets.listDatasets(100, null).getData())
        .extracting(Dataset::getId)
        .contains(created.getId());
    assertThat(datasets.getDataset(created.getId())).isEqualTo(created);

    datasets.deleteDataset(created.getId());

    ApiException notFound =
        catchThrowableOfType(ApiException.class, () -> datasets.getDataset(created.getId()));
    assertThat(notFound.getCode()).isEqualTo(404);
    assertThat(notFound.getResponseHeaders().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    Problem problem = problemOf(notFound);
    assertThat(problem.getCode()).isEqualTo("not_found");
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(notFound.getResponseHeaders().firstValue("X-Request-Id"))
        .contains(problem.getRequestId());
  }
}
