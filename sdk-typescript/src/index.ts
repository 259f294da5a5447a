// The public surface of @mark/sdk: the hand-written client of src/core/. The client generated
// from openapi.yaml (src/gen/, git-ignored, rebuilt by Maven) stays reachable as
// "@mark/sdk/generated" for whoever needs an operation the core does not wrap yet.
export { Mark } from "./core/client.js";
export type { ClientOptions, RequestOptions } from "./core/options.js";
export {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  MarkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  type FieldError,
} from "./core/errors.js";
export type { RateLimitState, ResponseMeta, WithMeta } from "./core/meta.js";
export { Page, PagePromise } from "./core/pagination.js";
export type { Datasets } from "./core/datasets.js";
export type { Rows } from "./core/rows.js";
export type { Analytics } from "./core/analytics.js";
export type { Auth } from "./core/auth.js";
export type * from "./core/types.js";
