// The models callers see. Request bodies are the generated interfaces as they are; models with
// times differ in one way: the generated code turns `format: date-time` into a `Date`, which
// drops the server's microseconds and rewrites its text, so here times stay the RFC 3339
// strings the server sent and round-trip exactly. Pass `new Date(dataset.created_at)` to do
// arithmetic; where a request takes a time, a `Date` or a string both work.
import type {
  Dataset as GeneratedDataset,
  IngestResult as GeneratedIngestResult,
  Me as GeneratedMe,
  QueryRequest as GeneratedQueryRequest,
  Session as GeneratedSession,
  TimeBucket as GeneratedTimeBucket,
  User as GeneratedUser,
} from "../gen/models/index.js";

export type {
  Aggregation,
  Column,
  ColumnType,
  CreateDatasetRequest,
  Filter,
  FilterOperator,
  Granularity,
  Measure,
  Order,
  OrderDirection,
  LoginRequest,
  QueryResult,
  RefreshRequest,
  ResultColumn,
  SessionMode,
  SignupRequest,
} from "../gen/models/index.js";

/** An RFC 3339 timestamp in UTC, exactly as the server wrote it (e.g. `2026-11-22T09:30:00.123456Z`). */
export type Timestamp = string;

export type Dataset = Omit<GeneratedDataset, "created_at" | "updated_at"> & {
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type IngestResult = Omit<GeneratedIngestResult, "dataset"> & { dataset: Dataset };

export type User = Omit<GeneratedUser, "created_at"> & { created_at: Timestamp };

/**
 * A started session. In token mode (`mode: "token"`) it carries `access_token` and
 * `refresh_token`; in cookie mode the tokens are HttpOnly cookies and it carries `csrf_token`.
 */
export type Session = Omit<GeneratedSession, "user" | "access_token_expires_at" | "refresh_token_expires_at"> & {
  user: User;
  access_token_expires_at: Timestamp;
  refresh_token_expires_at: Timestamp;
};

export type Me = Omit<GeneratedMe, "user"> & { user: User };

/** One row: column name to value (dates and timestamps as strings, as in the CSV). */
export type RowValues = { [column: string]: unknown };

export type TimeBucket = Omit<GeneratedTimeBucket, "from" | "to"> & {
  from?: Timestamp | Date;
  to?: Timestamp | Date;
};

export type QueryRequest = Omit<GeneratedQueryRequest, "time_bucket"> & { time_bucket?: TimeBucket };

/** The rows to ingest: a JSON array of objects, or CSV text with a header row. */
export type IngestBody = { readonly rows: readonly RowValues[] } | { readonly csv: string };

export interface ListParams {
  /** Items per page (the server's default and maximum apply). */
  readonly limit?: number;
  /** Where to start: a `nextCursor` from an earlier page. */
  readonly cursor?: string;
}
