import type { Transport } from "../internal/transport.js";
import { datasetPath } from "../internal/paths.js";
import { withMeta, type WithMeta } from "./meta.js";
import type { RequestOptions } from "./options.js";
import type { QueryRequest, QueryResult } from "./types.js";

/** `client.analytics`: metrics computed over a dataset's rows. */
export class Analytics {
  constructor(private readonly transport: Transport) {}

  /** Computes measures, grouped by dimensions and a time bucket, over the filtered rows. */
  async query(datasetId: string, query: QueryRequest, options?: RequestOptions): Promise<WithMeta<QueryResult>> {
    const response = await this.transport.request(
      { method: "POST", path: datasetPath(datasetId, "/query"), body: { json: query } },
      options,
    );
    return withMeta(response.body as QueryResult, response.meta);
  }
}
