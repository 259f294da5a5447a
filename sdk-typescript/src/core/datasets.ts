import type { Transport } from "../internal/transport.js";
import { listPages } from "../internal/list.js";
import { datasetPath } from "../internal/paths.js";
import { withMeta, type ResponseMeta, type WithMeta } from "./meta.js";
import type { RequestOptions } from "./options.js";
import type { PagePromise } from "./pagination.js";
import type { CreateDatasetRequest, Dataset, ListParams } from "./types.js";

/** `client.datasets`: the datasets of the caller's account. */
export class Datasets {
  constructor(private readonly transport: Transport) {}

  /** Creates an empty dataset with the declared columns. */
  async create(body: CreateDatasetRequest, options?: RequestOptions): Promise<WithMeta<Dataset>> {
    const response = await this.transport.request({ method: "POST", path: "/v1/datasets", body: { json: body } }, options);
    return withMeta(response.body as Dataset, response.meta);
  }

  /** One dataset; a {@link NotFoundError} if the account has none with this ID. */
  async retrieve(datasetId: string, options?: RequestOptions): Promise<WithMeta<Dataset>> {
    const response = await this.transport.request({ method: "GET", path: datasetPath(datasetId) }, options);
    return withMeta(response.body as Dataset, response.meta);
  }

  /** The datasets, newest first: await for one page, or `for await` over all of them. */
  list(params: ListParams = {}, options?: RequestOptions): PagePromise<Dataset> {
    return listPages<Dataset>(this.transport, "/v1/datasets", params, options);
  }

  /** Deletes a dataset and all its rows, for good. */
  async delete(datasetId: string, options?: RequestOptions): Promise<ResponseMeta> {
    return (await this.transport.request({ method: "DELETE", path: datasetPath(datasetId) }, options)).meta;
  }
}
