// The public surface of @mark/sdk: the Mark client, its hand-written core (src/core) and the
// resources, models and problem codes generated from openapi.yaml by our templates
// (src/gen/mark, git-ignored, rebuilt by Maven). The unwrapped typescript-fetch client stays
// reachable as "@mark/sdk/generated".
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
export { APIResource, SessionResource, type Answer, type ItemOf } from "./core/resource.js";
export type { BodySource, RequestBody, RowValues, Sent, Timestamp, Wire } from "./core/wire.js";
export { ProblemCode } from "./gen/mark/problems.js";
export type * from "./gen/mark/models.js";
export type * from "./gen/mark/resources.js";
export type { Analytics, Auth, Datasets, IngestBody, ListParams, Rows } from "./core/compat.js";
