package dev.mark.datasets;

import dev.mark.api.DatasetsApi;
import dev.mark.api.model.Column;
import dev.mark.api.model.CreateDatasetRequest;
import dev.mark.api.model.Dataset;
import dev.mark.api.model.DatasetList;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.http.Enums;
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
            .map(DatasetsHandler::toSpec)
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
            .map(DatasetsHandler::toModel)
            .toList(),
        dataset.rowCount(),
        dataset.createdAt(),
        dataset.updatedAt());
  }

  private static ColumnSpec toSpec(Column column) {
    return new ColumnSpec(
        column.name(),
        ColumnTypes.toValueType(column.type()),
        column.required(),
        new ColumnNotes(
            Optional.ofNullable(column.description()),
            Optional.ofNullable(column.unit()),
            column.favorable() == null ? Favorable.NONE : toFavorable(column.favorable())));
  }

  private static Column toModel(ColumnSpec column) {
    ColumnNotes notes = column.notes();
    return new Column(
        column.name(),
        ColumnTypes.toModel(column.type()),
        column.required(),
        notes.description().orElse(null),
        notes.unit().orElse(null),
        notes.favorable() == Favorable.NONE
            ? null
            : Enums.named(dev.mark.api.model.Favorable.class, DatasetsHandler::toFavorableName,
                notes.favorable().apiName()));
  }

  static Favorable toFavorable(dev.mark.api.model.Favorable favorable) {
    return switch (favorable) {
      case UP -> Favorable.UP;
      case DOWN -> Favorable.DOWN;
      case NONE -> Favorable.NONE;
    };
  }

  private static String toFavorableName(dev.mark.api.model.Favorable favorable) {
    return toFavorable(favorable).apiName();
  }
}
