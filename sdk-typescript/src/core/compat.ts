// Names of the hand-written resources that the generated ones replaced (README, "Changes"):
// kept so that code written against them still compiles. Nothing new is added here.
import type {
  AnalyticsResource,
  AuthResource,
  DatasetsResource,
  ListDatasetsParams,
  RowsResource,
} from "../gen/mark/resources.js";

/** @deprecated Renamed {@link DatasetsResource}. */
export type Datasets = DatasetsResource;
/** @deprecated Renamed {@link RowsResource}. */
export type Rows = RowsResource;
/** @deprecated Renamed {@link AnalyticsResource}. */
export type Analytics = AnalyticsResource;
/** @deprecated Renamed {@link AuthResource}. */
export type Auth = AuthResource;

/** The rows to ingest: `{ rows }` as JSON, or `{ csv }` as text, a Blob or a stream of bytes. */
export type IngestBody = Parameters<RowsResource["ingest"]>[1];

/** @deprecated Each list has its own parameters, e.g. {@link ListDatasetsParams}. */
export interface ListParams {
  /** Items per page (the server's default and maximum apply). */
  readonly limit?: number;
  /** Where to start: a `nextCursor` from an earlier page. */
  readonly cursor?: string;
}
