// How the generated models (typescript-fetch's interfaces) are handed over and taken in. Those
// interfaces turn `format: date-time` into a `Date`, which drops the server's microseconds and
// rewrites its text; the Mark client never converts: times stay the RFC 3339 strings the
// server sent and round-trip exactly. Pass `new Date(dataset.created_at)` to do arithmetic;
// where a request takes a time, a `Date` or a string both work.

/** An RFC 3339 timestamp in UTC, exactly as the server wrote it (e.g. `2026-11-22T09:30:00.123456Z`). */
export type Timestamp = string;

/**
 * A model as the server sends it: every `Date` of the generated interface is a {@link Timestamp},
 * and every `Set` (typescript-fetch's type for `uniqueItems`) the JSON array it is.
 */
export type Wire<T> = 0 extends 1 & T
  ? T // any stays any (free-form objects such as a row)
  : T extends Date
    ? Timestamp
    : T extends ReadonlyArray<infer U> | ReadonlySet<infer U>
      ? Array<Wire<U>>
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/**
 * A model as a caller may send it: a `Date` or a {@link Timestamp} for each time, a read-only
 * array for each array or `Set` (a Set would be sent as `{}`, JSON having no sets).
 */
export type Sent<T> = 0 extends 1 & T
  ? T
  : T extends Date
    ? Timestamp | Date
    : T extends ReadonlyArray<infer U> | ReadonlySet<infer U>
      ? ReadonlyArray<Sent<U>>
      : T extends object
        ? { readonly [K in keyof T]: Sent<T[K]> }
        : T;

/**
 * Bytes or text to send as they are: a string, a `Blob` (a browser's `File` is one), or a stream
 * of bytes (a `ReadableStream`, or any async iterable such as Node's `fs.createReadStream(…)`).
 * A string or a Blob can be sent again, so such a call is retried like any other; a stream is
 * read as it is sent, once, so a call with one is never sent twice (see `RequestOptions`).
 */
export type BodySource = string | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/**
 * The body of an operation whose request body the contract declares in the media types `Types`:
 * the JSON model `Json` for `application/json`, and for any other type `{ <subtype>: BodySource }`
 * (`{ csv: … }` for `text/csv`).
 */
export type RequestBody<Json, Types extends string> =
  | ("application/json" extends Types ? Sent<Json> : never)
  | RawBody<Exclude<Types, "application/json">>;

type RawBody<Type extends string> = Type extends `${string}/${infer Subtype}`
  ? { readonly [K in Subtype]: BodySource }
  : never;

/**
 * One row: column name to value (dates and timestamps as strings, as in the CSV). The contract's
 * `RowValues`, a free-form object, which the generated models inline rather than name.
 */
export type RowValues = { [column: string]: unknown };
