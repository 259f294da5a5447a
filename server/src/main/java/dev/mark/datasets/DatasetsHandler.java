package dev.mark.datasets;

import dev.mark.api.DatasetsApi;
import dev.mark.api.model.Column;
import dev.mark.api.model.CreateDatasetRequest;
import dev.mark.api.model.Dataset;
import dev.mark.api.model.DatasetList;
import dev.mark.platform.http.ApiCall;
import java.util.Optional;

/**
 * The {@code datasets} operations: maps the API's models to the dataset service and back. The
 * binder has filled in the contract's defaults ({@code limit}, a column's {@code required}).
 */
public final class DatasetsHandler implements DatasetsApi {

  private final DatasetService datasets;

  public DatasetsHandler(DatasetService datasets) {
    this.datasets = datasets;
  }

  @Override
  public Dataset createDataset(ApiCall call, CreateDatasetRequest request, String idempotencyKey) {
    DatasetDraft draft = new DatasetDraft(
        request.name(),
        Optional.ofNullable(request.description()),
        request.columns().stream()
            .map(c -> new ColumnSpec(c.name(), ColumnTypes.toValueType(c.type()), c.required()))
            .toList());
    DatasetRecord created = datasets.create(call.principal(), draft);
    call.location("/v1/datasets/" + created.id());
    return toModel(created);
  }

  @Override
  public DatasetList listDatasets(ApiCall call, Integer limit, String cursor) {
    DatasetPage page = datasets.list(
        call.principal(), limit, Optional.ofNullable(cursor));
    return new DatasetList(
        page.items().stream().map(DatasetsHandler::toModel).toList(),
        page.nextCursor().isPresent(),
        page.nextCursor().orElse(null));
  }

  @Override
  public Dataset getDataset(ApiCall call, String datasetId) {
    return toModel(datasets.get(call.principal(), datasetId));
  }

  @Override
  public void deleteDataset(ApiCall call, String datasetId) {
    datasets.delete(call.principal(), datasetId);
  }

  static Dataset toModel(DatasetRecord dataset) {
    return new Dataset(
        dataset.id(),
        dataset.name(),
        dataset.description().orElse(null),
        dataset.columns().stream()
            .map(c -> new Column(c.name(), ColumnTypes.toModel(c.type()), c.required()))
            .toList(),
        dataset.rowCount(),
        dataset.createdAt(),
        dataset.updatedAt());
  }
}
