import type { Transport } from "../internal/transport.js";
import { listPages } from "../internal/list.js";
import { datasetPath } from "../internal/paths.js";
import { withMeta, type WithMeta } from "./meta.js";
import type { RequestOptions } from "./options.js";
import type { PagePromise } from "./pagination.js";
import type { IngestBody, IngestResult, ListParams, RowValues } from "./types.js";

/** `client.rows`: the rows of a dataset. */
export class Rows {
  constructor(private readonly transport: Transport) {}

  /**
   * Appends rows, all or nothing: one bad value and nothing is written, and a
   * {@link ValidationError} lists each by pointer. Safe to retry: every attempt carries the same
   * Idempotency-Key.
   */
  async ingest(datasetId: string, body: IngestBody, options?: RequestOptions): Promise<WithMeta<IngestResult>> {
    const payload = "csv" in body ? { text: body.csv, contentType: "text/csv" } : { json: { rows: body.rows } };
    const response = await this.transport.request(
      { method: "POST", path: datasetPath(datasetId, "/rows"), body: payload },
      options,
    );
    return withMeta(response.body as IngestResult, response.meta);
  }

  /** The rows in the order they were added: await for one page, or `for await` over all. */
  list(datasetId: string, params: ListParams = {}, options?: RequestOptions): PagePromise<RowValues> {
    return listPages<RowValues>(this.transport, datasetPath(datasetId, "/rows"), params, options);
  }
}
