package dev.mark.sdk.core;

import dev.mark.sdk.model.CreateDatasetRequest;
import dev.mark.sdk.model.Dataset;
import java.util.Map;

/** {@code client.datasets()}: the datasets of the caller's account. Thread-safe. */
public final class Datasets {
  private final Transport transport;

  Datasets(Transport transport) {
    this.transport = transport;
  }

  /** Creates an empty dataset with the declared columns. */
  public MarkResponse<Dataset> create(CreateDatasetRequest request) {
    return create(request, RequestOptions.NONE);
  }

  public MarkResponse<Dataset> create(CreateDatasetRequest request, RequestOptions options) {
    return transport.send("POST", "/v1/datasets", Map.of(), transport.json(request), options, transport.type(Dataset.class));
  }

  /** One dataset; a {@link NotFoundException} if the account has none with this ID. */
  public MarkResponse<Dataset> retrieve(String datasetId) {
    return retrieve(datasetId, RequestOptions.NONE);
  }

  public MarkResponse<Dataset> retrieve(String datasetId, RequestOptions options) {
    return transport.send("GET", Paths.dataset(datasetId, ""), Map.of(), null, options, transport.type(Dataset.class));
  }

  /** The first page of datasets, newest first; iterate it to walk all of them. */
  public Page<Dataset> list() {
    return list(ListParams.FIRST_PAGE, RequestOptions.NONE);
  }

  public Page<Dataset> list(ListParams params, RequestOptions options) {
    return Lists.page(transport, "/v1/datasets", params.limitOrNull(), params.cursorOrNull(), options,
        transport.type(Dataset.class));
  }

  /** Deletes a dataset and all its rows, for good. */
  public ResponseMeta delete(String datasetId) {
    return delete(datasetId, RequestOptions.NONE);
  }

  public ResponseMeta delete(String datasetId, RequestOptions options) {
    return transport.send("DELETE", Paths.dataset(datasetId, ""), Map.of(), null, options, null).meta();
  }
}
